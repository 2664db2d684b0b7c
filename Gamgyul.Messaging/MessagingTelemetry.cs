namespace Gamgyul.Messaging;

/// <summary>Telemetry names of the messaging library.</summary>
internal static class MessagingTelemetry
{
    /// <summary>The meter Gamgyul's own metrics use; ServiceDefaults exports it (GamgyulTelemetry.MeterName).</summary>
    public const string MeterName = "Gamgyul";
}
