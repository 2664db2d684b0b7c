using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// A local Kestrel server that speaks Pulsar's documented WebSocket API (producer, consumer, reader endpoints and
/// their JSON frames) and the admin REST calls the bus makes, on top of <see cref="FakePulsarBroker"/>. It records
/// every handshake, client frame and admin request, and can inject faults, so tests check the client's frames and
/// its behaviour exactly.
/// </summary>
internal sealed class FakePulsarServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<FakePulsarConnection, string> _connections = new();

    private FakePulsarServer(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    public FakePulsarBroker Broker { get; } = new();

    /// <summary>When set, handshakes and admin calls must carry <c>Authorization: Bearer {RequiredToken}</c> (else 401).</summary>
    public string? RequiredToken { get; set; }

    public ConcurrentQueue<Handshake> Handshakes { get; } = new();

    public ConcurrentQueue<ClientFrame> ClientFrames { get; } = new();

    public ConcurrentQueue<AdminRequest> AdminRequests { get; } = new();

    /// <summary>This many next WebSocket handshakes are refused with <see cref="RejectStatus"/>.</summary>
    public int RejectHandshakes;

    public int RejectStatus { get; set; } = StatusCodes.Status503ServiceUnavailable;

    /// <summary>This many next producer frames make the server drop the connection instead of storing and acking.</summary>
    public int DropProducerBeforeAck;

    /// <summary>When set, producer acks wait until it completes (the message is stored only then).</summary>
    public TaskCompletionSource? HoldProducerAcks { get; set; }

    /// <summary>When set, answers a producer frame instead of the broker (return null to let the broker handle it).</summary>
    public Func<JsonNode, string?>? ProducerReply { get; set; }

    public int OpenConnections(string kind) => _connections.Keys.Count(c => c.Kind == kind);

    public static async Task<FakePulsarServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakePulsarServer(app);
        app.UseWebSockets();
        app.Map("/ws/v2/producer/persistent/{tenant}/{ns}/{topic}", (HttpContext c, string tenant, string ns, string topic) =>
            server.AcceptAsync(c, "producer", $"{tenant}/{ns}/{topic}", null));
        app.Map("/ws/v2/consumer/persistent/{tenant}/{ns}/{topic}/{subscription}", (HttpContext c, string tenant, string ns, string topic, string subscription) =>
            server.AcceptAsync(c, "consumer", $"{tenant}/{ns}/{topic}", subscription));
        app.Map("/ws/v2/reader/persistent/{tenant}/{ns}/{topic}", (HttpContext c, string tenant, string ns, string topic) =>
            server.AcceptAsync(c, "reader", $"{tenant}/{ns}/{topic}", null));
        app.Map("/admin/v2/{**path}", (HttpContext c, string path) => server.AdminAsync(c, path));
        await app.StartAsync();
        server.ServiceUrl = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Drops every connection of a kind (or all) without a close frame, as a broker crash would.</summary>
    public void DropConnections(string? kind = null)
    {
        foreach (var connection in _connections.Keys.Where(c => kind is null || c.Kind == kind))
        {
            connection.Abort();
        }
    }

    /// <summary>Closes every connection of a kind with a WebSocket close status, as the service does on errors.</summary>
    public async Task CloseConnectionsAsync(string kind, WebSocketCloseStatus status, string description)
    {
        foreach (var connection in _connections.Keys.Where(c => c.Kind == kind))
        {
            await connection.CloseAsync(status, description);
        }
    }

    /// <summary>Sends a raw text frame to every connection of a kind (for malformed-frame tests).</summary>
    public void SendRaw(string kind, string frame)
    {
        foreach (var connection in _connections.Keys.Where(c => c.Kind == kind))
        {
            connection.Send(frame);
        }
    }

    public IEnumerable<JsonNode> FramesFrom(string kind) =>
        ClientFrames.Where(f => f.Kind == kind).Select(f => JsonNode.Parse(f.Text)!);

    public async ValueTask DisposeAsync()
    {
        // A handler parked on a held ack would otherwise keep Kestrel's shutdown waiting for its full timeout.
        HoldProducerAcks?.TrySetResult();
        DropConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context, string kind, string topic, string? subscription)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var authorization = context.Request.Headers.Authorization.ToString();
        Handshakes.Enqueue(new Handshake(kind, context.Request.Path.Value!, query, authorization, DateTimeOffset.UtcNow));
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The real service checks the token before upgrading and answers 401 (AbstractWebSocketHandler.checkAuth).
        if (RequiredToken is not null && authorization != $"Bearer {RequiredToken}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (Interlocked.Decrement(ref RejectHandshakes) >= 0)
        {
            context.Response.StatusCode = RejectStatus;
            return;
        }

        if (kind == "consumer" && query.TryGetValue("subscriptionType", out var type)
            && type is not ("Exclusive" or "Shared" or "Failover" or "Key_Shared"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakePulsarConnection(socket, kind, context.Request.Path.Value!, query);
        _connections[connection] = topic;
        if (kind == "consumer")
        {
            Broker.AttachConsumer(topic, subscription!, connection);
        }
        else if (kind == "reader")
        {
            Broker.AttachReader(topic, query.GetValueOrDefault("messageId"), connection);
        }

        try
        {
            while (await connection.ReceiveAsync(context.RequestAborted) is { } text)
            {
                ClientFrames.Enqueue(new ClientFrame(kind, topic, text));
                await HandleFrameAsync(connection, kind, topic, subscription, text);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The client (or a fault injection) dropped the connection.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            Broker.Detach(topic, connection);
            await connection.FinishAsync();
        }
    }

    private async Task HandleFrameAsync(FakePulsarConnection connection, string kind, string topic, string? subscription, string text)
    {
        JsonNode? frame;
        try
        {
            frame = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            frame = null;
        }

        switch (kind)
        {
            case "producer":
                await ProduceAsync(connection, topic, frame);
                break;
            case "consumer" when Field(frame, "type") == "negativeAcknowledge":
                var delay = connection.Query.TryGetValue("negativeAckRedeliveryDelay", out var ms) ? double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) : 60000;
                Broker.NegativeAcknowledge(topic, subscription!, Field(frame, "messageId")!, connection, TimeSpan.FromMilliseconds(delay));
                break;
            case "consumer" when Field(frame, "messageId") is { } messageId:
                Broker.Acknowledge(topic, subscription!, messageId, connection);
                break;
            case "reader":
                Broker.ReaderAcknowledged(topic, connection);
                break;
        }
    }

    private async Task ProduceAsync(FakePulsarConnection connection, string topic, JsonNode? frame)
    {
        var context = frame?["context"]?.GetValue<string>();
        if (frame is not null && ProducerReply?.Invoke(frame) is { } reply)
        {
            connection.Send(reply);
            return;
        }

        if (Interlocked.Decrement(ref DropProducerBeforeAck) >= 0)
        {
            connection.Abort();
            return;
        }

        Interlocked.Increment(ref DropProducerBeforeAck);
        if (HoldProducerAcks is { } hold)
        {
            await hold.Task;
        }

        var payload = frame?["payload"]?.GetValue<string>();
        if (payload is null || !IsBase64(payload))
        {
            connection.Send(new JsonObject
            {
                ["result"] = "send-error:3",
                ["errorMsg"] = "Failed to de-serialize from JSON",
                ["context"] = context,
            }.ToJsonString());
            return;
        }

        var properties = frame!["properties"]?.Deserialize<Dictionary<string, string>>() ?? [];
        var stored = Broker.Publish(topic, payload, properties, frame["key"]?.GetValue<string>());
        connection.Send(new JsonObject { ["result"] = "ok", ["messageId"] = stored.MessageId, ["context"] = context }.ToJsonString());
    }

    private async Task AdminAsync(HttpContext context, string path)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var authorization = context.Request.Headers.Authorization.ToString();
        AdminRequests.Enqueue(new AdminRequest(context.Request.Method, path, body, authorization));
        if (RequiredToken is not null && authorization != $"Bearer {RequiredToken}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var parts = path.Split('/');
        context.Response.StatusCode = (context.Request.Method, parts) switch
        {
            ("PUT", ["tenants", var tenant]) => Broker.Tenants.Add(tenant) ? 204 : 409,
            ("PUT", ["namespaces", var tenant, var ns]) => !Broker.Tenants.Contains(tenant) ? 404 : Broker.Namespaces.Add($"{tenant}/{ns}") ? 204 : 409,
            ("POST", ["namespaces", var tenant, var ns, "retention"]) => SetRetention($"{tenant}/{ns}", body),
            ("PUT", ["persistent", var tenant, var ns, var topic]) => Broker.CreateTopic($"{tenant}/{ns}/{topic}") ? 204 : 409,
            ("PUT", ["persistent", var tenant, var ns, var topic, "subscription", var sub]) =>
                Broker.CreateSubscription($"{tenant}/{ns}/{topic}", sub, Earliest(body)) ? 204 : 409,
            _ => 404,
        };
    }

    private int SetRetention(string ns, string body)
    {
        if (!Broker.Namespaces.Contains(ns))
        {
            return 404;
        }

        Broker.Retention[ns] = body;
        return 204;
    }

    private static bool Earliest(string body) =>
        body.Length > 0 && JsonNode.Parse(body)?["ledgerId"]?.GetValue<long>() == -1;

    private static string? Field(JsonNode? frame, string name) =>
        frame is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);

    public sealed record Handshake(string Kind, string Path, IReadOnlyDictionary<string, string> Query, string Authorization, DateTimeOffset At);

    public sealed record ClientFrame(string Kind, string Topic, string Text);

    public sealed record AdminRequest(string Method, string Path, string Body, string Authorization);
}
