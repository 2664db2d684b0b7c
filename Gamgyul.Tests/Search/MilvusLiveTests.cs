using Gamgyul.Data.Entities;
using Gamgyul.Search.Embeddings;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Milvus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Search;

/// <summary>
/// The Milvus index against a real server (see <see cref="MilvusFactAttribute"/>). Each test works in a
/// collection of its own and drops it afterwards.
/// </summary>
public sealed class MilvusLiveTests : IAsyncLifetime
{
    private const int Dimensions = 32;
    private readonly MilvusOptions _options = new()
    {
        Endpoint = Environment.GetEnvironmentVariable(MilvusFactAttribute.EndpointVariable) is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        Token = Environment.GetEnvironmentVariable(MilvusFactAttribute.TokenVariable),
        Collection = $"gamgyul_test_{Guid.NewGuid():N}",
        ConsistencyLevel = "Strong", // read-your-writes, so assertions need no sleeping
    };

    private MilvusRestClient? _client;
    private MilvusVectorIndex? _index;

    public Task InitializeAsync()
    {
        if (_options.Endpoint is not null)
        {
            _client = new MilvusRestClient(new HttpClient(), _options);
            _index = new MilvusVectorIndex(_client, _options, Dimensions, TimeProvider.System, NullLogger<MilvusVectorIndex>.Instance);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is not null && await _client.HasCollectionAsync(_options.Collection))
        {
            await _client.DropCollectionAsync(_options.Collection);
        }
    }

    [MilvusFact]
    public async Task Ensure_created_is_idempotent_and_leaves_a_loaded_collection()
    {
        await _index!.EnsureCreatedAsync();
        await _index.EnsureCreatedAsync();

        Assert.Equal("LoadStateLoaded", await _client!.GetLoadStateAsync(_options.Collection));
        var description = await _client.DescribeCollectionAsync(_options.Collection);
        Assert.Equal(Dimensions, description.Fields.Single(f => f.Name == "vector").Dimension);
    }

    [MilvusFact]
    public async Task Upserted_objects_are_found_filtered_updated_and_deleted()
    {
        await _index!.EnsureCreatedAsync();
        var random = new Random(5);
        var authors = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var records = VectorTestData.RandomRecords(random, 200, Dimensions, SearchDocumentKind.Post, authors);
        await _index.UpsertAsync(records);
        var target = records[3];

        var hits = await _index.SearchAsync(new VectorSearchRequest { Vector = target.Vector, Kind = SearchDocumentKind.Post, Top = 5 });
        Assert.Equal(target.Key, hits[0].Key);
        Assert.Equal(1f, hits[0].Score, 3);

        var filtered = await _index.SearchAsync(new VectorSearchRequest
        {
            Vector = target.Vector, Kind = SearchDocumentKind.Post, Top = 50, ExcludeIds = [target.Key.Id], ExcludeAuthorIds = [authors[0]],
        });
        Assert.DoesNotContain(filtered, h => h.Key == target.Key || h.AuthorId == authors[0]);
        Assert.Empty(await _index.SearchAsync(new VectorSearchRequest { Vector = target.Vector, Kind = SearchDocumentKind.User }));

        await _index.DeleteAsync([target.Key]);
        var after = await _index.SearchAsync(new VectorSearchRequest { Vector = target.Vector, Kind = SearchDocumentKind.Post, Top = 5 });
        Assert.DoesNotContain(after, h => h.Key == target.Key);
        Assert.Empty(await _index.GetVectorsAsync([target.Key]));
        Assert.Single(await _index.GetVectorsAsync([records[4].Key]));
    }

    [MilvusFact]
    public async Task Hnsw_recall_at_10_against_the_exact_top_k_is_high()
    {
        await _index!.EnsureCreatedAsync();
        var random = new Random(9);
        var records = VectorTestData.RandomRecords(random, 2000, Dimensions);
        foreach (var chunk in records.Chunk(500))
        {
            await _index.UpsertAsync(chunk);
        }

        var recalls = new List<double>();
        for (var q = 0; q < 20; q++)
        {
            var request = new VectorSearchRequest { Vector = VectorTestData.RandomVector(random, Dimensions), Kind = SearchDocumentKind.Post, Top = 10 };
            var hits = await _index.SearchAsync(request);
            recalls.Add(VectorTestData.Recall(VectorTestData.NaiveTopK(records, request), hits.Select(h => h.Key.Id)));
        }

        Assert.True(recalls.Average() >= 0.9, $"recall@10 was {recalls.Average():F3}");
    }

    [MilvusFact]
    public async Task Korean_ngram_embeddings_round_trip_through_milvus()
    {
        using var embedder = new NGramEmbeddingGenerator(Dimensions);
        await _index!.EnsureCreatedAsync();
        var texts = new[] { "제주 감귤 판매합니다", "서울 지하철 노선도", "한라봉 선물세트" };
        var records = texts.Select(text =>
        {
            var vector = new float[Dimensions];
            embedder.Embed(text, vector);
            return new VectorRecord(new VectorKey(SearchDocumentKind.Product, Guid.NewGuid()), vector, new VectorMetadata { Model = embedder.ModelId, CreatedAt = DateTimeOffset.UtcNow });
        }).ToList();
        await _index.UpsertAsync(records);

        var query = new float[Dimensions];
        embedder.Embed("감귤", query);
        var hits = await _index.SearchAsync(new VectorSearchRequest { Vector = query, Kind = SearchDocumentKind.Product, Top = 3 });

        Assert.Equal(records[0].Key, hits[0].Key);
    }
}
