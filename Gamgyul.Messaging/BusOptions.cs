namespace Gamgyul.Messaging;

/// <summary>Bus-wide settings (configuration section <c>Bus</c>).</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    public BusProvider Provider { get; set; } = BusProvider.Redis;

    /// <summary>
    /// A readable name for this process on the bus (defaults to the machine name). A random suffix is always added,
    /// so broadcast subscriptions of two processes or of a restarted process never collide.
    /// </summary>
    public string? NodeId { get; set; }
}
