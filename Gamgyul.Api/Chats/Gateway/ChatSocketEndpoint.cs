using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// The WebSocket handshake: authentication happened already (the endpoint requires it, so a missing or bad token
/// is a 401 before any upgrade); here the Origin of browsers is checked and the socket accepted.
/// </summary>
internal static class ChatSocketEndpoint
{
    /// <summary>The subprotocol a browser offers together with its token, and the one the server answers with.</summary>
    public const string BearerSubprotocol = "bearer";

    public static async Task<IResult> HandleAsync(HttpContext context, ClaimsPrincipal user, GamgyulDbContext db,
        ChatConnections connections, IOptions<ChatOptions> chatOptions, IOptions<ApiOptions> apiOptions, TimeProvider clock)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required",
                detail: "This endpoint speaks WebSocket only.");
        }

        if (!OriginAllowed(context.Request, chatOptions.Value, apiOptions.Value))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed",
                detail: "This origin may not open chat sockets.");
        }

        var me = user.GetUserId();
        var sender = await ChatSenders.LoadAsync(db, me, context.RequestAborted);
        var now = clock.GetUtcNow();
        var suspendedUntil = await db.UserSuspensions.Where(s => s.UserId == me && s.StartsAt <= now && s.EndsAt > now)
            .MaxAsync(s => (DateTimeOffset?)s.EndsAt, context.RequestAborted);

        var options = chatOptions.Value;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(BearerSubprotocol) ? BearerSubprotocol : null,
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        var connection = new ChatConnection(socket, sender, suspendedUntil, context.RequestServices);
        connections.Add(connection);
        try
        {
            await connection.RunAsync(context.RequestAborted);
        }
        finally
        {
            connections.Remove(connection);
        }

        return TypedResults.Empty;
    }

    /// <summary>
    /// Browsers always send Origin, so a page of another site cannot ride on a user's token; clients without Origin
    /// (apps, servers) are not browsers and pass.
    /// </summary>
    private static bool OriginAllowed(HttpRequest request, ChatOptions chat, ApiOptions api)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var allowed = chat.AllowedOrigins.Length > 0 ? chat.AllowedOrigins : api.Cors.AllowedOrigins;
        var self = $"{request.Scheme}://{request.Host}";
        return allowed.Contains("*")
            || allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            || string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Browsers cannot set Authorization on a WebSocket, so on the chat paths the access token may also come as
    /// <c>?access_token=</c> or as the subprotocol after <c>bearer</c> (<c>new WebSocket(url, ["bearer", token])</c>).
    /// </summary>
    public static string? TokenFromRequest(HttpRequest request)
    {
        if (request.Query.TryGetValue("access_token", out var query) && !string.IsNullOrEmpty(query))
        {
            return query.ToString();
        }

        var offered = request.Headers.SecWebSocketProtocol.ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var bearer = Array.IndexOf(offered, BearerSubprotocol);
        return bearer >= 0 && bearer + 1 < offered.Length ? offered[bearer + 1] : null;
    }
}
