using Gamgyul.SearchIndexer.Rebuild;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gamgyul.SearchIndexer.Indexing;

public static class SearchIndexingExtensions
{
    /// <summary>
    /// The indexer's services: the content-events consumer (hosted), the reconcile logic and the rebuild.
    /// Needs AddGamgyulData, AddGamgyulMessaging, AddGamgyulSearch and a Redis client.
    /// </summary>
    public static IHostApplicationBuilder AddSearchIndexing(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SearchIndexerOptions>(builder.Configuration.GetSection(SearchIndexerOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<IndexerMetrics>();
        builder.Services.AddScoped<SearchSourceReader>();
        builder.Services.AddScoped<DocumentIndexer>();
        builder.Services.AddScoped<ContentEventHandler>();
        builder.Services.AddSingleton<IndexRebuilder>();
        builder.Services.AddHostedService<ContentEventConsumer>();
        return builder;
    }
}
