namespace Gamgyul.Messaging.Pulsar;

/// <summary>Maps a Gamgyul topic onto Pulsar names and URL paths (always persistent topics).</summary>
internal sealed record PulsarTopic(string Tenant, string Namespace, string Name)
{
    /// <summary><c>persistent://tenant/namespace/name</c></summary>
    public string FullName => $"persistent://{Tenant}/{Namespace}/{Name}";

    /// <summary><c>persistent/tenant/namespace/name</c>, each segment escaped, as the WebSocket and admin URLs use it.</summary>
    public string Path => $"persistent/{Escape(Tenant)}/{Escape(Namespace)}/{Escape(Name)}";

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public static string WireName(PulsarSubscriptionType type) => type switch
    {
        PulsarSubscriptionType.KeyShared => "Key_Shared",
        _ => type.ToString(),
    };
}
