using Gamgyul.Data;
using Gamgyul.SearchIndexer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>
/// The real SearchIndexer host in process, on the database and Redis of an <see cref="Infrastructure.ApiFactory"/>:
/// the Api's outbox relay publishes to Redis Streams and this host consumes. Dispose it to stop it gracefully.
/// </summary>
public sealed class IndexerFactory(string databaseConnectionString, string redisConnectionString, string busKeyPrefix) : WebApplicationFactory<IndexerEntryPoint>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{DataServiceExtensions.ConnectionName}", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:cache", redisConnectionString);
        builder.UseSetting("Bus:Redis:PollInterval", "00:00:00.200");
        builder.UseSetting("Bus:Redis:KeyPrefix", busKeyPrefix);
    }

    /// <summary>Builds and starts the host (WebApplicationFactory starts lazily).</summary>
    public IndexerFactory Start()
    {
        _ = Services;
        return this;
    }
}
