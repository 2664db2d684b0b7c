namespace Gamgyul.Messaging.Pulsar;

/// <summary>Settings of the Pulsar adapter (configuration section <c>Pulsar</c>).</summary>
public sealed class PulsarOptions
{
    public const string SectionName = "Pulsar";

    /// <summary>
    /// The broker's (or WebSocket proxy's) HTTP service URL, e.g. <c>ws://pulsar:8080</c>; <c>http(s)://</c> is
    /// accepted and means <c>ws(s)://</c>. Required.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The admin REST base, e.g. <c>http://pulsar:8080</c>. Defaults to the service URL with an http scheme.</summary>
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

    internal Uri WebSocketBase
    {
        get
        {
            var url = ServiceUrl ?? throw new InvalidOperationException("Pulsar:ServiceUrl is required when Bus:Provider is pulsar.");
            var builder = new UriBuilder(url)
            {
                Scheme = url.Scheme switch
                {
                    "http" or "ws" => "ws",
                    "https" or "wss" => "wss",
                    _ => throw new InvalidOperationException($"Pulsar:ServiceUrl must be ws(s):// or http(s)://, not {url.Scheme}://."),
                },
            };
            return WithTrailingSlash(builder.Uri);
        }
    }

    internal Uri AdminBase
    {
        get
        {
            var url = AdminUrl ?? ServiceUrl ?? throw new InvalidOperationException("Pulsar:AdminUrl or Pulsar:ServiceUrl is required.");
            var builder = new UriBuilder(url)
            {
                Scheme = url.Scheme is "wss" or "https" ? "https" : "http",
                Port = url.Port,
            };
            return WithTrailingSlash(builder.Uri);
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

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
