namespace Gamgyul.SearchIndexer;

/// <summary>Names the indexer's assembly for WebApplicationFactory (the top-level Program would clash with other hosts').</summary>
public sealed class IndexerEntryPoint
{
    private IndexerEntryPoint()
    {
    }
}
