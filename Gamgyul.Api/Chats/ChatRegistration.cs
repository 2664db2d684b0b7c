using Gamgyul.Api.Chats.Gateway;
using Gamgyul.Messaging;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Gamgyul.Api.Chats;

internal static class ChatRegistration
{
    /// <summary>
    /// Chat rooms over REST, the WebSocket gateway with this node's broadcast subscription, and the message bus they
    /// publish to (registered here unless another feature did it first).
    /// </summary>
    public static WebApplicationBuilder AddChatFeature(this WebApplicationBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(IMessageBus)))
        {
            builder.AddGamgyulMessaging();
        }

        builder.Services.Configure<ChatOptions>(builder.Configuration.GetSection(ChatOptions.SectionName));
        builder.Services.AddSingleton<MessageIdGenerator>();
        builder.Services.AddSingleton<RoomDirectory>();
        builder.Services.AddSingleton<ChatNotifier>();
        builder.Services.AddScoped<ChatUsers>();
        builder.Services.AddScoped<ChatAccess>();
        builder.Services.AddScoped<ChatRoomQueries>();

        builder.Services.AddSingleton<SendRateLimiter>();
        builder.Services.AddSingleton<ChatConnections>();
        builder.Services.AddSingleton<ChatBroadcastListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChatBroadcastListener>());

        // Browsers cannot send Authorization on a WebSocket: on the gateway paths, take the token from the query or
        // the subprotocol too. Runs after the accounts feature configured the bearer events.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            var previous = bearer.Events.OnMessageReceived;
            bearer.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                if (context.Token is null && !context.Request.Headers.Authorization.Any()
                    && ChatEndpoints.IsGatewayPath(context.Request.Path))
                {
                    context.Token = ChatSocketEndpoint.TokenFromRequest(context.Request);
                }
            };
        });
        return builder;
    }

    /// <summary>WebSocket support for the gateway; call after authentication is in the pipeline.</summary>
    public static WebApplication UseChatGateway(this WebApplication app)
    {
        app.UseWebSockets();
        return app;
    }
}
