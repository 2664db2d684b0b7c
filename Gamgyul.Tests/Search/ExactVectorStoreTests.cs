using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Exact;

namespace Gamgyul.Tests.Search;

/// <summary>The in-process exact top-k that the Postgres index searches with (recall reference).</summary>
public sealed class ExactVectorStoreTests
{
    private const int Dimensions = 48;

    private static ExactVectorStore Load(IEnumerable<VectorRecord> records)
    {
        var store = new ExactVectorStore(Dimensions);
        foreach (var record in records)
        {
            store.Upsert(record.Key, record.Vector.Span, new ExactEntry
            {
                AuthorId = record.Metadata.AuthorId,
                CreatedAt = record.Metadata.CreatedAt,
                Status = record.Metadata.Status,
            });
        }

        return store;
    }

    [Fact]
    public void Exact_top_k_equals_the_naive_top_k_with_and_without_filters()
    {
        var random = new Random(7);
        var authors = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var records = VectorTestData.RandomRecords(random, 3000, Dimensions, SearchDocumentKind.Post, authors)
            .Concat(VectorTestData.RandomRecords(random, 500, Dimensions, SearchDocumentKind.Product, authors))
            .ToList();
        using var store = Load(records);

        for (var q = 0; q < 25; q++)
        {
            var request = new VectorSearchRequest
            {
                Vector = VectorTestData.RandomVector(random, Dimensions),
                Kind = q % 5 == 0 ? SearchDocumentKind.Product : SearchDocumentKind.Post,
                Top = q % 3 == 0 ? 50 : 10,
                ExcludeIds = q % 2 == 0 ? records.Take(40).Select(r => r.Key.Id).ToArray() : [],
                ExcludeAuthorIds = q % 4 == 1 ? [authors[q % authors.Length]] : [],
                IncludeHidden = q % 7 == 3,
            };

            var truth = VectorTestData.NaiveTopK(records, request);
            var hits = store.Search(request);

            Assert.Equal(truth, hits.Select(h => h.Key.Id));
            Assert.All(hits, h => Assert.Equal(request.Kind, h.Key.Kind));
            Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        }
    }

    [Fact]
    public void Scores_are_cosine_similarities_whatever_the_vectors_length()
    {
        using var store = new ExactVectorStore(3);
        var id = Guid.NewGuid();
        store.Upsert(new VectorKey(SearchDocumentKind.User, id), [3, 0, 4], default);

        var hit = Assert.Single(store.Search(new VectorSearchRequest { Vector = new float[] { 0, 0, 10 }, Kind = SearchDocumentKind.User }));

        Assert.Equal(0.8f, hit.Score, 5);
        Assert.Equal([0.6f, 0f, 0.8f], store.GetVector(new VectorKey(SearchDocumentKind.User, id))!);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_id_and_a_zero_vector_scores_zero()
    {
        using var store = new ExactVectorStore(2);
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            store.Upsert(new VectorKey(SearchDocumentKind.Post, id), [1, 1], default);
        }

        var zero = Guid.NewGuid();
        store.Upsert(new VectorKey(SearchDocumentKind.Post, zero), [0, 0], default);

        var hits = store.Search(new VectorSearchRequest { Vector = new float[] { 2, 2 }, Kind = SearchDocumentKind.Post, Top = 7 });

        Assert.Equal(ids.Order(), hits.Take(6).Select(h => h.Key.Id));
        Assert.Equal(zero, hits[6].Key.Id);
        Assert.Equal(0f, hits[6].Score);
    }

    [Fact]
    public void Older_versions_never_overwrite_newer_ones_and_removals_stick()
    {
        using var store = new ExactVectorStore(2);
        var key = new VectorKey(SearchDocumentKind.Post, Guid.NewGuid());
        var t0 = DateTimeOffset.UnixEpoch;

        Assert.True(store.Upsert(key, [1, 0], new ExactEntry { Version = t0.AddSeconds(2) }));
        Assert.False(store.Upsert(key, [0, 1], new ExactEntry { Version = t0.AddSeconds(1) }));
        Assert.Equal([1f, 0f], store.GetVector(key)!);

        Assert.False(store.Remove(key, t0.AddSeconds(1)));
        Assert.True(store.Remove(key, t0.AddSeconds(3)));
        Assert.False(store.Upsert(key, [0, 1], new ExactEntry { Version = t0.AddSeconds(2) }));
        Assert.Null(store.GetVector(key));
        Assert.True(store.Upsert(key, [0, 1], new ExactEntry { Version = t0.AddSeconds(4) }));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Removed_slots_are_reused_and_wrong_sizes_are_rejected()
    {
        using var store = new ExactVectorStore(2);
        var keys = Enumerable.Range(0, 100).Select(_ => new VectorKey(SearchDocumentKind.Post, Guid.NewGuid())).ToList();
        foreach (var key in keys)
        {
            store.Upsert(key, [1, 2], default);
        }

        foreach (var key in keys.Take(60))
        {
            store.Remove(key, default);
        }

        foreach (var key in keys.Take(30))
        {
            store.Upsert(key, [2, 1], default);
        }

        Assert.Equal(70, store.Count);
        Assert.Equal(70, store.Search(new VectorSearchRequest { Vector = new float[] { 1, 1 }, Kind = SearchDocumentKind.Post, Top = 1000 }).Count);
        Assert.Throws<ArgumentException>(() => store.Upsert(keys[0], [1, 2, 3], default));
        Assert.Throws<ArgumentException>(() => store.Search(new VectorSearchRequest { Vector = new float[] { 1 }, Kind = SearchDocumentKind.Post }));
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_stay_consistent()
    {
        using var store = new ExactVectorStore(Dimensions);
        var random = new Random(3);
        var records = VectorTestData.RandomRecords(random, 400, Dimensions);
        var query = VectorTestData.RandomVector(random, Dimensions);

        var writer = Task.Run(() =>
        {
            foreach (var record in records)
            {
                store.Upsert(record.Key, record.Vector.Span, default);
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                var hits = store.Search(new VectorSearchRequest { Vector = query, Kind = SearchDocumentKind.Post, Top = 20 });
                Assert.Equal(hits.Select(h => h.Key).Distinct().Count(), hits.Count);
            }
        }));
        await Task.WhenAll(readers.Append(writer));

        Assert.Equal(400, store.Count);
    }
}
