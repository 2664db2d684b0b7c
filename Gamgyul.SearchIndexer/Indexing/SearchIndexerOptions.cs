namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>The <c>SearchIndexer</c> configuration section.</summary>
public sealed class SearchIndexerOptions
{
    public const string SectionName = "SearchIndexer";

    /// <summary>The durable subscription (consumer group) on <c>content-events</c>; also the <c>processed_events</c> consumer name.</summary>
    public string Subscription { get; set; } = "search-indexer";

    /// <summary>How long handled event ids are remembered for de-duplication (longer than the bus keeps messages).</summary>
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Objects per batch of a rebuild.</summary>
    public int RebuildBatchSize { get; set; } = 256;
}
