using Gamgyul.Messaging;
using Gamgyul.Search;

namespace Gamgyul.Api.Search;

internal static class SearchFeatureRegistration
{
    /// <summary>
    /// The Api's side of search: the outbox relay that publishes content events to the bus (for the
    /// SearchIndexer), the embedder and vector index for queries, and the search services.
    /// </summary>
    public static WebApplicationBuilder AddSearchFeature(this WebApplicationBuilder builder)
    {
        // Another feature (chat) may have registered the bus already; one bus per process.
        if (!builder.Services.Any(d => d.ServiceType == typeof(IMessageBus)))
        {
            builder.AddGamgyulMessaging();
        }

        builder.AddGamgyulOutboxRelay();
        builder.AddGamgyulSearch();
        builder.Services.Configure<SearchQueryOptions>(builder.Configuration.GetSection(SearchQueryOptions.SectionName));
        builder.Services.AddScoped<LexicalSearch>();
        builder.Services.AddScoped<HybridSearch>();
        builder.Services.Configure<RecommendationOptions>(builder.Configuration.GetSection(RecommendationOptions.SectionName));
        builder.Services.AddScoped<InterestProfile>();
        builder.Services.AddScoped<Recommender>();
        return builder;
    }
}
