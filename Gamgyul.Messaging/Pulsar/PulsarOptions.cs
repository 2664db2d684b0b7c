namespace Gamgyul.Messaging.Pulsar;

/// <summary>Settings of the Pulsar adapter (configuration section <c>Pulsar</c>).</summary>
public sealed class PulsarOptions
{
    public const string SectionName = "Pulsar";

    /// <summary>
    /// The broker's service URL. Either its HTTP address (<c>http://pulsar:8080</c>, which also serves the WebSocket
    /// API) or its binary-protocol address (<c>pulsar://pulsar:6650</c>, as the AppHost passes it); with the latter
    /// the WebSocket API is found through <see cref="WebSocketUrl"/> or <see cref="AdminUrl"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// The WebSocket API's base (<c>ws://pulsar:8080</c>, or a separate WebSocket proxy). Defaults to the service URL
    /// when that is http(s)/ws(s), else to the admin URL with a ws scheme (standalone serves both on one port).
    /// </summary>
    public Uri? WebSocketUrl { get; set; }

    /// <summary>The admin REST base, e.g. <c>http://pulsar:8080</c>. Defaults to an http(s) service URL, else to the WebSocket URL.</summary>
    public Uri? AdminUrl { get; set; }

    /// <summary>A JWT sent as <c>Authorization: Bearer</c> on WebSocket handshakes and admin calls, when auth is on.</summary>
    public string? Token { get; set; }

    public string Tenant { get; set; } = "public";

    public string Namespace { get; set; } = "default";

    /// <summary>The cluster a newly created tenant is allowed on (a standalone broker calls itself "standalone").</summary>
    public string Cluster { get; set; } = "standalone";

    /// <summary>
    /// At start-up (and before first use of a topic) create the tenant, namespace with retention, topics and
    /// durable subscriptions through the admin REST API. Turn off when an operator manages them.
    /// </summary>
    public bool ManageTopology { get; set; } = true;

    /// <summary>Namespace retention of acknowledged messages, in minutes (-1: unlimited).</summary>
    public int RetentionMinutes { get; set; } = 7 * 24 * 60;

    /// <summary>Namespace retention of acknowledged messages, in MB (-1: unlimited).</summary>
    public int RetentionSizeMb { get; set; } = 1024;

    /// <summary>Type of durable subscriptions. Key_Shared keeps per-key order across competing consumers.</summary>
    public PulsarSubscriptionType DurableSubscriptionType { get; set; } = PulsarSubscriptionType.KeyShared;

    /// <summary>How long a publish may wait for the broker's receipt, reconnects included.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The broker redelivers a negatively acknowledged message after this delay.</summary>
    public TimeSpan NegativeAckDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>WebSocket ping interval, so idle connections through proxies stay open and dead ones are noticed.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the WebSocket API lives, with a trailing slash.</summary>
    internal Uri WebSocketBase
    {
        get
        {
            var url = WebSocketUrl ?? Http(ServiceUrl) ?? AdminUrl
                ?? throw new InvalidOperationException(
                    "Pulsar:ServiceUrl (http:// or ws://), Pulsar:WebSocketUrl or Pulsar:AdminUrl is required when Bus:Provider is pulsar.");
            return WithScheme(url, secure => secure ? "wss" : "ws", "Pulsar:WebSocketUrl");
        }
    }

    /// <summary>Where the admin REST API lives, with a trailing slash.</summary>
    internal Uri AdminBase
    {
        get
        {
            var url = AdminUrl ?? Http(ServiceUrl) ?? WebSocketUrl
                ?? throw new InvalidOperationException("Pulsar:AdminUrl (or an http:// Pulsar:ServiceUrl) is required.");
            return WithScheme(url, secure => secure ? "https" : "http", "Pulsar:AdminUrl");
        }
    }

    internal void Validate()
    {
        _ = WebSocketBase;
        _ = AdminBase;
        if (PublishTimeout <= TimeSpan.Zero || ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new InvalidOperationException("Pulsar:PublishTimeout and the reconnect delays must be positive, min <= max.");
        }
    }

    /// <summary>The service URL when it is an HTTP-family address; a pulsar:// (binary protocol) address is not.</summary>
    private static Uri? Http(Uri? url) => url is { Scheme: "http" or "https" or "ws" or "wss" } ? url : null;

    private static Uri WithScheme(Uri url, Func<bool, string> scheme, string setting)
    {
        var secure = url.Scheme switch
        {
            "http" or "ws" => false,
            "https" or "wss" => true,
            _ => throw new InvalidOperationException($"{setting} must be an http(s):// or ws(s):// address, not {url}."),
        };
        var builder = new UriBuilder(url) { Scheme = scheme(secure), Port = url.Port };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
