using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>The Api with its outbox relay polling fast, so pipeline tests wait on the indexer rather than the relay.</summary>
public class SearchPipelineFactory : ApiFactory
{
    public SearchPipelineFactory()
    {
        // Streams of their own, whatever Redis database another test class shares.
        WithSetting("Bus:Redis:KeyPrefix", BusKeyPrefix);
        WithSetting("Outbox:Relay:PollInterval", "00:00:00.100");
        WithSetting("VectorIndex:Postgres:RefreshInterval", "00:00:00.100");
    }

    public string BusKeyPrefix { get; } = $"t{Guid.NewGuid():N}:bus:";

    /// <summary>A SearchIndexer on this factory's database and Redis, started.</summary>
    public IndexerFactory StartIndexer() => new IndexerFactory(DatabaseConnectionString, RedisConnectionString, BusKeyPrefix).Start();
}
