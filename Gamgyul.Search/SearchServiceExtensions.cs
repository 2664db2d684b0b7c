using Gamgyul.Data;
using Gamgyul.Search.Embeddings;
using Gamgyul.Search.Ranking;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Milvus;
using Gamgyul.Search.Vectors.Postgres;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gamgyul.Search;

public static class SearchServiceExtensions
{
    /// <summary>The connection-string name under which an AppHost may hand over the Milvus address.</summary>
    public const string MilvusConnectionName = "milvus";

    /// <summary>The key the AppHost's containers mode sets (<c>Milvus__Endpoint</c>).</summary>
    public const string MilvusAddressKey = "Milvus:Endpoint";

    private const string EmbeddingsHttpClient = "gamgyul-embeddings";
    private const string MilvusHttpClient = "gamgyul-milvus";

    /// <summary>
    /// Registers the embedding generator (<c>Embeddings:*</c>), the vector index (<c>VectorIndex:*</c>) and
    /// the rank fusion (<c>Search:Fusion:*</c>), each chosen by configuration alone.
    /// </summary>
    public static IHostApplicationBuilder AddGamgyulSearch(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var embeddings = configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        var index = configuration.GetSection(VectorIndexOptions.SectionName).Get<VectorIndexOptions>() ?? new VectorIndexOptions();
        var fusion = configuration.GetSection(FusionOptions.SectionName).Get<FusionOptions>() ?? new FusionOptions();
        if (embeddings.Dimensions < 1)
        {
            throw new InvalidOperationException("Embeddings:Dimensions must be positive.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(embeddings);
        services.AddSingleton(index);
        services.AddSingleton(new ReciprocalRankFusion(fusion));
        AddEmbeddings(services, embeddings);
        AddVectorIndex(services, configuration, index, embeddings.Dimensions);
        return builder;
    }

    private static void AddEmbeddings(IServiceCollection services, EmbeddingOptions options)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case EmbeddingProviders.NGram:
                services.AddEmbeddingGenerator(_ => new NGramEmbeddingGenerator(options.Dimensions)).UseOpenTelemetry();
                break;
            case EmbeddingProviders.OpenAI:
                services.AddHttpClient(EmbeddingsHttpClient);
                services.AddEmbeddingGenerator(sp => OpenAIEmbeddingGeneratorFactory.Create(
                        options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingsHttpClient)))
                    .UseOpenTelemetry();
                break;
            default:
                throw new InvalidOperationException(
                    $"Embeddings:Provider '{options.Provider}' is unknown; use '{EmbeddingProviders.NGram}' or '{EmbeddingProviders.OpenAI}'.");
        }
    }

    private static void AddVectorIndex(IServiceCollection services, IConfiguration configuration, VectorIndexOptions options, int dimensions)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case VectorIndexProviders.Postgres:
                var connectionString = configuration.GetConnectionString(DataServiceExtensions.ConnectionName)
                    ?? throw new InvalidOperationException(
                        $"VectorIndex:Provider 'postgres' needs ConnectionStrings:{DataServiceExtensions.ConnectionName}.");
                services.AddSingleton(sp => new PostgresVectorIndex(
                    NpgsqlDataSource.Create(connectionString),
                    dimensions,
                    options.Postgres,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<PostgresVectorIndex>>()));
                services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<PostgresVectorIndex>());
                break;
            case VectorIndexProviders.Milvus:
                var milvus = options.Milvus;
                milvus.Endpoint ??= MilvusConnectionString.Parse(configuration.GetConnectionString(MilvusConnectionName), milvus);
                // The AppHost hands every service the address as Milvus:Endpoint (Milvus__Endpoint), as README says.
                if (milvus.Endpoint is null && Uri.TryCreate(configuration[MilvusAddressKey], UriKind.Absolute, out var address))
                {
                    milvus.Endpoint = address;
                }

                if (milvus.Endpoint is null)
                {
                    throw new InvalidOperationException(
                        $"VectorIndex:Provider 'milvus' needs VectorIndex:Milvus:Endpoint, {MilvusAddressKey} or ConnectionStrings:{MilvusConnectionName}.");
                }

                services.AddHttpClient(MilvusHttpClient, client => client.Timeout = milvus.RequestTimeout + TimeSpan.FromSeconds(5));
                services.AddSingleton(sp => new MilvusRestClient(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(MilvusHttpClient), milvus));
                services.AddSingleton(sp => new MilvusVectorIndex(
                    sp.GetRequiredService<MilvusRestClient>(),
                    milvus,
                    dimensions,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<MilvusVectorIndex>>()));
                services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<MilvusVectorIndex>());
                break;
            default:
                throw new InvalidOperationException(
                    $"VectorIndex:Provider '{options.Provider}' is unknown; use '{VectorIndexProviders.Postgres}' or '{VectorIndexProviders.Milvus}'.");
        }
    }
}
