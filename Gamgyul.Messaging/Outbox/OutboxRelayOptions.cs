namespace Gamgyul.Messaging.Outbox;

/// <summary>Settings of the outbox relay (configuration section <c>Outbox:Relay</c>).</summary>
public sealed class OutboxRelayOptions
{
    public const string SectionName = "Outbox:Relay";

    /// <summary>The topic outbox events go to.</summary>
    public string Topic { get; set; } = Topics.ContentEvents;

    /// <summary>Rows claimed per round (and per transaction).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Pause between rounds when there was nothing (or not a full batch) to publish.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A row that failed this many times is dead-lettered (kept, marked, and no longer retried).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; doubled after each further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one publish may take before it counts as a failure.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
