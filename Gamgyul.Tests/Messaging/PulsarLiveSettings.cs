using Gamgyul.Messaging.Pulsar;

namespace Gamgyul.Tests.Messaging;

/// <summary>Reads the live Pulsar's address from the environment.</summary>
internal static class PulsarLiveSettings
{
    public const string ServiceUrlVariable = "PULSAR_SERVICE_URL";
    public const string AdminUrlVariable = "PULSAR_ADMIN_URL";
    public const string WebSocketUrlVariable = "PULSAR_WEBSOCKET_URL";
    public const string TokenVariable = "PULSAR_TOKEN";
    public const string TenantVariable = "PULSAR_TENANT";
    public const string NamespaceVariable = "PULSAR_NAMESPACE";

    public static PulsarOptions Options()
    {
        var admin = Environment.GetEnvironmentVariable(AdminUrlVariable);
        var webSocket = Environment.GetEnvironmentVariable(WebSocketUrlVariable);
        return new PulsarOptions
        {
            ServiceUrl = new Uri(Environment.GetEnvironmentVariable(ServiceUrlVariable)!),
            AdminUrl = string.IsNullOrWhiteSpace(admin) ? null : new Uri(admin),
            WebSocketUrl = string.IsNullOrWhiteSpace(webSocket) ? null : new Uri(webSocket),
            Token = Environment.GetEnvironmentVariable(TokenVariable),
            Tenant = Environment.GetEnvironmentVariable(TenantVariable) is { Length: > 0 } tenant ? tenant : "public",
            Namespace = Environment.GetEnvironmentVariable(NamespaceVariable) is { Length: > 0 } ns ? ns : "default",
            NegativeAckDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
            PublishTimeout = TimeSpan.FromSeconds(10),
        };
    }
}
