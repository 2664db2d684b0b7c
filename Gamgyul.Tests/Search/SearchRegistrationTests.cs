using Gamgyul.Search;
using Gamgyul.Search.Embeddings;
using Gamgyul.Search.Ranking;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Milvus;
using Gamgyul.Search.Vectors.Postgres;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gamgyul.Tests.Search;

/// <summary><c>AddGamgyulSearch</c> picks every adapter from configuration alone.</summary>
public sealed class SearchRegistrationTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGamgyulSearch();
        return builder.Build().Services;
    }

    [Fact]
    public void Defaults_are_the_offline_ngram_embedder_and_the_postgres_index()
    {
        var services = Build(new() { ["ConnectionStrings:db"] = "Host=127.0.0.1;Database=gamgyul" });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("ngram-v1-384", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        var index = services.GetRequiredService<IVectorIndex>();
        Assert.IsType<PostgresVectorIndex>(index);
        Assert.Equal(384, index.Dimensions);
        Assert.Equal(ReciprocalRankFusion.DefaultK, services.GetRequiredService<ReciprocalRankFusion>().K);
    }

    [Fact]
    public void Configuration_selects_milvus_the_dimensions_and_the_fusion_constant()
    {
        var services = Build(new()
        {
            ["Embeddings:Dimensions"] = "256",
            ["VectorIndex:Provider"] = "milvus",
            ["VectorIndex:Milvus:Collection"] = "custom",
            ["ConnectionStrings:milvus"] = "Endpoint=http://127.0.0.1:19530;Key=root:Milvus;Database=search",
            ["Search:Fusion:K"] = "20",
            ["Search:Fusion:VectorWeight"] = "1.5",
        });

        var index = Assert.IsType<MilvusVectorIndex>(services.GetRequiredService<IVectorIndex>());
        Assert.Equal(256, index.Dimensions);
        var options = services.GetRequiredService<VectorIndexOptions>().Milvus;
        Assert.Equal((new Uri("http://127.0.0.1:19530"), "root:Milvus", "search", "custom"),
            (options.Endpoint, options.Token, options.Database, options.Collection));
        var fusion = services.GetRequiredService<ReciprocalRankFusion>();
        Assert.Equal((20, 1.5), (fusion.K, fusion.VectorWeight));
        Assert.Equal(256, services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()
            .GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions);
    }

    [Fact]
    public void The_apphost_milvus_address_key_selects_the_endpoint()
    {
        var services = Build(new()
        {
            ["VectorIndex:Provider"] = "milvus",
            ["Milvus:Endpoint"] = "http://milvus.internal:19530",
        });

        Assert.IsType<MilvusVectorIndex>(services.GetRequiredService<IVectorIndex>());
        Assert.Equal(new Uri("http://milvus.internal:19530"), services.GetRequiredService<VectorIndexOptions>().Milvus.Endpoint);
    }

    [Fact]
    public void A_bare_url_works_as_the_milvus_connection_string()
    {
        var options = new MilvusOptions();
        Assert.Equal(new Uri("https://milvus.example:443/"), MilvusConnectionString.Parse("https://milvus.example:443/", options));
        Assert.Null(MilvusConnectionString.Parse(null, options));
        Assert.Throws<InvalidOperationException>(() => MilvusConnectionString.Parse("Key=abc", options));
    }

    [Theory]
    [InlineData("Embeddings:Provider", "word2vec", "Embeddings:Provider")]
    [InlineData("VectorIndex:Provider", "qdrant", "VectorIndex:Provider")]
    [InlineData("Embeddings:Dimensions", "0", "Embeddings:Dimensions")]
    public void Unknown_providers_and_bad_sizes_fail_at_startup_with_the_key_to_fix(string key, string value, string mentioned)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(new() { ["ConnectionStrings:db"] = "Host=127.0.0.1", [key] = value }));

        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void Each_index_names_the_configuration_it_is_missing()
    {
        Assert.Contains("ConnectionStrings:db", Assert.Throws<InvalidOperationException>(() => Build([])).Message);
        Assert.Contains("VectorIndex:Milvus:Endpoint",
            Assert.Throws<InvalidOperationException>(() => Build(new() { ["VectorIndex:Provider"] = "milvus" })).Message);
    }
}
