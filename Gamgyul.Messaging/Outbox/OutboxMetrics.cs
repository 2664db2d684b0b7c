using System.Diagnostics.Metrics;

namespace Gamgyul.Messaging.Outbox;

/// <summary>
/// The relay's metrics on the "Gamgyul" meter: <c>gamgyul.outbox.backlog</c> (rows waiting to be published),
/// <c>gamgyul.outbox.oldest_pending_age</c> (seconds), and the counters <c>gamgyul.outbox.published</c>,
/// <c>gamgyul.outbox.publish_failures</c> and <c>gamgyul.outbox.dead_lettered</c>.
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLettered;
    private long _backlog;
    private double _oldestAgeSeconds;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MessagingTelemetry.MeterName);
        _published = Meter.CreateCounter<long>("gamgyul.outbox.published", "{event}", "Outbox events published to the bus.");
        _failures = Meter.CreateCounter<long>("gamgyul.outbox.publish_failures", "{event}", "Failed attempts to publish an outbox event.");
        _deadLettered = Meter.CreateCounter<long>("gamgyul.outbox.dead_lettered", "{event}", "Outbox events given up after the maximum attempts.");
        Meter.CreateObservableGauge("gamgyul.outbox.backlog", () => Interlocked.Read(ref _backlog), "{event}",
            "Outbox events not yet published (dead letters excluded).");
        Meter.CreateObservableGauge("gamgyul.outbox.oldest_pending_age", () => Volatile.Read(ref _oldestAgeSeconds), "s",
            "Age of the oldest outbox event not yet published.");
    }

    /// <summary>The meter, so tests can listen to exactly this instance.</summary>
    internal Meter Meter { get; }

    internal long Backlog => Interlocked.Read(ref _backlog);

    internal void Published(long count) => _published.Add(count);

    internal void Failed() => _failures.Add(1);

    internal void DeadLettered() => _deadLettered.Add(1);

    internal void SetBacklog(long pending, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, pending);
        Volatile.Write(ref _oldestAgeSeconds, oldestAge.TotalSeconds);
    }
}
