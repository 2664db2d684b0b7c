namespace Gamgyul.Tests.Messaging;

/// <summary>A fact that needs a live Pulsar (PULSAR_SERVICE_URL); reported as skipped, never as passed, without one.</summary>
public sealed class PulsarLiveFactAttribute : FactAttribute
{
    public PulsarLiveFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PulsarLiveSettings.ServiceUrlVariable)))
        {
            Skip = $"Not run: set {PulsarLiveSettings.ServiceUrlVariable} (and {PulsarLiveSettings.AdminUrlVariable}) to run against a live Pulsar.";
        }
    }
}
