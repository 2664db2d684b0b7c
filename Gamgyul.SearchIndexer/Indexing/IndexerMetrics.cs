using System.Diagnostics.Metrics;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// The indexer's metrics on the "Gamgyul" meter: documents indexed and removed, events handled and failed,
/// <c>gamgyul.search.index_lag</c> (seconds from the change to the moment it became searchable) and the rebuild's
/// progress (<c>gamgyul.search.rebuild.done</c> of <c>gamgyul.search.rebuild.total</c>).
/// </summary>
public sealed class IndexerMetrics
{
    private readonly Counter<long> _indexed;
    private readonly Counter<long> _removed;
    private readonly Counter<long> _events;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _lag;
    private long _rebuildDone;
    private long _rebuildTotal;

    public IndexerMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create("Gamgyul");
        _indexed = Meter.CreateCounter<long>("gamgyul.search.documents_indexed", "{document}", "Documents embedded and upserted.");
        _removed = Meter.CreateCounter<long>("gamgyul.search.documents_removed", "{document}", "Documents removed (deleted, hidden, gone).");
        _events = Meter.CreateCounter<long>("gamgyul.search.events_handled", "{event}", "Content events applied (duplicates included).");
        _failures = Meter.CreateCounter<long>("gamgyul.search.event_failures", "{event}", "Content events that failed and were handed back.");
        _lag = Meter.CreateHistogram<double>("gamgyul.search.index_lag", "s", "From a content change to its index update.");
        Meter.CreateObservableGauge("gamgyul.search.rebuild.done", () => Interlocked.Read(ref _rebuildDone), "{document}",
            "Documents the running rebuild has indexed so far.");
        Meter.CreateObservableGauge("gamgyul.search.rebuild.total", () => Interlocked.Read(ref _rebuildTotal), "{document}",
            "Documents the running rebuild will index.");
    }

    /// <summary>The meter, so tests can listen to exactly this instance.</summary>
    public Meter Meter { get; }

    public void Indexed(int count) => _indexed.Add(count);

    public void Removed(int count) => _removed.Add(count);

    public void EventHandled(string type, bool duplicate) =>
        _events.Add(1, new KeyValuePair<string, object?>("event.type", type), new KeyValuePair<string, object?>("duplicate", duplicate));

    public void EventFailed(string type) => _failures.Add(1, new KeyValuePair<string, object?>("event.type", type));

    public void Lag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));

    public void RebuildProgress(long done, long total)
    {
        Interlocked.Exchange(ref _rebuildDone, done);
        Interlocked.Exchange(ref _rebuildTotal, total);
    }
}
