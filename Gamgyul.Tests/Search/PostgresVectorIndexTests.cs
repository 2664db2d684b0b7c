using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Gamgyul.Search.Vectors.Postgres;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gamgyul.Tests.Search;

/// <summary>The Postgres vector index against a real, migrated PostgreSQL database.</summary>
public sealed class PostgresVectorIndexTests
{
    private const int Dimensions = 32;
    private static readonly PostgresVectorIndexOptions Live = new() { RefreshInterval = TimeSpan.Zero };

    private static async Task<string> NewDatabaseAsync() =>
        await (await TestServices.GetAsync()).CreateDatabaseAsync("vectors");

    private static PostgresVectorIndex NewIndex(string connectionString, PostgresVectorIndexOptions? options = null, TimeProvider? time = null) =>
        new(NpgsqlDataSource.Create(connectionString), Dimensions, options ?? Live, time ?? TimeProvider.System,
            NullLogger<PostgresVectorIndex>.Instance);

    private static VectorRecord Record(SearchDocumentKind kind, Guid id, float[] vector, Guid? author = null, ContentStatus status = ContentStatus.Published) =>
        new(new VectorKey(kind, id), vector, new VectorMetadata
        {
            Model = "test-model",
            AuthorId = author,
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Status = status,
            SourceUpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero),
        });

    /// <summary>A unit vector along axis <paramref name="axis"/>, tilted slightly towards axis 0.</summary>
    private static float[] Axis(int axis, float tilt = 0)
    {
        var vector = new float[Dimensions];
        vector[axis] = 1;
        vector[0] += tilt;
        return vector;
    }

    private static VectorSearchRequest Query(float[] vector, SearchDocumentKind kind = SearchDocumentKind.Post, int top = 10) =>
        new() { Vector = vector, Kind = kind, Top = top };

    [Fact]
    public async Task Search_returns_the_nearest_objects_of_the_kind_best_first_with_their_metadata()
    {
        using var index = NewIndex(await NewDatabaseAsync());
        await index.EnsureCreatedAsync();
        var author = Guid.NewGuid();
        Guid near = Guid.NewGuid(), middle = Guid.NewGuid(), far = Guid.NewGuid(), product = Guid.NewGuid();
        await index.UpsertAsync(
        [
            Record(SearchDocumentKind.Post, far, Axis(3)),
            Record(SearchDocumentKind.Post, near, Axis(1, tilt: 0.1f), author),
            Record(SearchDocumentKind.Post, middle, Axis(1, tilt: 1f)),
            Record(SearchDocumentKind.Product, product, Axis(1)),
        ]);

        var hits = await index.SearchAsync(Query(Axis(1)));

        Assert.Equal([near, middle, far], hits.Select(h => h.Key.Id));
        Assert.Equal(0.995f, hits[0].Score, 3);
        Assert.Equal(author, hits[0].AuthorId);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), hits[0].CreatedAt);
        Assert.Equal(product, Assert.Single(await index.SearchAsync(Query(Axis(1), SearchDocumentKind.Product))).Key.Id);
        Assert.Empty(await index.SearchAsync(Query(Axis(1), SearchDocumentKind.User)));
    }

    [Fact]
    public async Task Filters_leave_out_excluded_ids_excluded_authors_and_hidden_objects()
    {
        using var index = NewIndex(await NewDatabaseAsync());
        Guid me = Guid.NewGuid(), seen = Guid.NewGuid(), mine = Guid.NewGuid(), hidden = Guid.NewGuid(), other = Guid.NewGuid();
        await index.UpsertAsync(
        [
            Record(SearchDocumentKind.Product, seen, Axis(1)),
            Record(SearchDocumentKind.Product, mine, Axis(1), author: me),
            Record(SearchDocumentKind.Product, hidden, Axis(1), status: ContentStatus.Hidden),
            Record(SearchDocumentKind.Product, other, Axis(2)),
        ]);

        var hits = await index.SearchAsync(Query(Axis(1), SearchDocumentKind.Product) with { ExcludeIds = [seen], ExcludeAuthorIds = [me] });
        var moderation = await index.SearchAsync(Query(Axis(1), SearchDocumentKind.Product) with { IncludeHidden = true });

        Assert.Equal([other], hits.Select(h => h.Key.Id));
        Assert.Contains(hidden, moderation.Select(h => h.Key.Id));
        Assert.Equal(4, moderation.Count);
    }

    [Fact]
    public async Task This_process_sees_its_own_upserts_edits_and_deletes_at_once()
    {
        var slow = new PostgresVectorIndexOptions { RefreshInterval = TimeSpan.FromHours(1) };
        using var index = NewIndex(await NewDatabaseAsync(), slow);
        var id = Guid.NewGuid();
        Assert.Empty(await index.SearchAsync(Query(Axis(1)))); // loads the (empty) copy

        await index.UpsertAsync([Record(SearchDocumentKind.Post, id, Axis(1))]);
        Assert.Equal(1f, Assert.Single(await index.SearchAsync(Query(Axis(1)))).Score, 4);

        await index.UpsertAsync([Record(SearchDocumentKind.Post, id, Axis(2))]);
        Assert.Equal(0f, Assert.Single(await index.SearchAsync(Query(Axis(1)))).Score, 4);

        await index.DeleteAsync([new VectorKey(SearchDocumentKind.Post, id)]);
        Assert.Empty(await index.SearchAsync(Query(Axis(1))));
    }

    [Fact]
    public async Task Another_process_sees_upserts_edits_and_deletes_through_the_watermark()
    {
        var database = await NewDatabaseAsync();
        using var writer = NewIndex(database);
        using var reader = NewIndex(database);
        var id = Guid.NewGuid();
        var key = new VectorKey(SearchDocumentKind.Post, id);
        Assert.Empty(await reader.SearchAsync(Query(Axis(1))));

        await writer.UpsertAsync([Record(SearchDocumentKind.Post, id, Axis(1))]);
        Assert.Equal(id, Assert.Single(await reader.SearchAsync(Query(Axis(1)))).Key.Id);

        await writer.UpsertAsync([Record(SearchDocumentKind.Post, id, Axis(2), status: ContentStatus.Hidden)]);
        var edited = await reader.SearchAsync(Query(Axis(2)) with { IncludeHidden = true });
        Assert.Equal(1f, Assert.Single(edited).Score, 4);
        Assert.Empty(await reader.SearchAsync(Query(Axis(2))));

        await writer.DeleteAsync([key]);
        Assert.Empty(await reader.SearchAsync(Query(Axis(2)) with { IncludeHidden = true }));
        Assert.Empty(await reader.GetVectorsAsync([key]));
    }

    [Fact]
    public async Task An_idle_catch_up_rereads_nothing_once_the_overlap_has_passed_and_still_sees_new_writes()
    {
        var database = await NewDatabaseAsync();
        using var writer = NewIndex(database);
        var overlap = TimeSpan.FromMilliseconds(300);
        using var reader = NewIndex(database, new PostgresVectorIndexOptions { RefreshInterval = TimeSpan.Zero, RefreshOverlap = overlap });
        Assert.Empty(await reader.SearchAsync(Query(Axis(1))));

        await writer.UpsertAsync([.. Enumerable.Range(0, 50).Select(_ => Record(SearchDocumentKind.Post, Guid.NewGuid(), Axis(1)))]);
        Assert.Equal(10, (await reader.SearchAsync(Query(Axis(1)))).Count);
        Assert.Equal(50, reader.LastRefreshRows);

        // One catch-up after the writes are older than the overlap; from then on nothing is read again.
        await Task.Delay(overlap * 2);
        await reader.SearchAsync(Query(Axis(1)));
        await reader.SearchAsync(Query(Axis(1)));
        Assert.Equal(0, reader.LastRefreshRows);

        var fresh = Guid.NewGuid();
        await writer.UpsertAsync([Record(SearchDocumentKind.Post, fresh, Axis(2))]);
        Assert.Equal(fresh, (await reader.SearchAsync(Query(Axis(2))))[0].Key.Id);
        Assert.Equal(1, reader.LastRefreshRows);
        Assert.Equal(51, reader.CachedCount);
    }

    [Fact]
    public async Task Between_refreshes_a_search_serves_the_copy_it_has()
    {
        var database = await NewDatabaseAsync();
        var time = new ManualTimeProvider();
        using var writer = NewIndex(database);
        using var reader = NewIndex(database, new PostgresVectorIndexOptions { RefreshInterval = TimeSpan.FromSeconds(5) }, time);
        Assert.Empty(await reader.SearchAsync(Query(Axis(1))));

        await writer.UpsertAsync([Record(SearchDocumentKind.Post, Guid.NewGuid(), Axis(1))]);
        Assert.Empty(await reader.SearchAsync(Query(Axis(1))));

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(await reader.SearchAsync(Query(Axis(1))));
    }

    [Fact]
    public async Task A_copy_that_missed_purged_tombstones_reloads_everything()
    {
        var database = await NewDatabaseAsync();
        var time = new ManualTimeProvider();
        using var writer = NewIndex(database, new PostgresVectorIndexOptions { RefreshInterval = TimeSpan.Zero, TombstoneRetention = TimeSpan.Zero });
        using var reader = NewIndex(database, new PostgresVectorIndexOptions
        {
            RefreshInterval = TimeSpan.Zero, RefreshOverlap = TimeSpan.FromSeconds(1), TombstoneRetention = TimeSpan.FromMinutes(10),
        }, time);
        var id = Guid.NewGuid();
        await writer.UpsertAsync([Record(SearchDocumentKind.Post, id, Axis(1))]);
        Assert.Single(await reader.SearchAsync(Query(Axis(1))));

        // With no retention the tombstone is purged at once, so a catch-up cannot see the removal ...
        await writer.DeleteAsync([new VectorKey(SearchDocumentKind.Post, id)]);
        await using (var db = TestServices.CreateDbContext(database))
        {
            Assert.False(await db.SearchDocuments.AnyAsync());
        }

        Assert.Single(await reader.SearchAsync(Query(Axis(1))));

        // ... but a copy older than the retention reloads instead of catching up.
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(await reader.SearchAsync(Query(Axis(1))));
    }

    [Fact]
    public async Task A_new_process_loads_the_table_and_its_top_k_equals_the_naive_top_k()
    {
        var database = await NewDatabaseAsync();
        var random = new Random(11);
        var authors = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var records = VectorTestData.RandomRecords(random, 1500, Dimensions, SearchDocumentKind.Post, authors)
            .Concat(VectorTestData.RandomRecords(random, 300, Dimensions, SearchDocumentKind.User))
            .ToList();
        using (var writer = NewIndex(database))
        {
            foreach (var chunk in records.Chunk(400))
            {
                await writer.UpsertAsync(chunk);
            }

            await writer.DeleteAsync([.. records.Take(25).Select(r => r.Key)]);
        }

        var live = records.Skip(25).ToList();
        using var reader = NewIndex(database);
        for (var q = 0; q < 15; q++)
        {
            var request = Query(VectorTestData.RandomVector(random, Dimensions), q % 3 == 0 ? SearchDocumentKind.User : SearchDocumentKind.Post, top: 10)
                with { ExcludeAuthorIds = q % 2 == 0 ? [authors[0]] : [] };

            var truth = VectorTestData.NaiveTopK(live, request);
            var hits = await reader.SearchAsync(request);

            Assert.Equal(1.0, VectorTestData.Recall(truth, hits.Select(h => h.Key.Id)));
            Assert.Equal(truth, hits.Select(h => h.Key.Id));
        }

        Assert.Equal(live.Count, reader.CachedCount);
    }

    [Fact]
    public async Task Stored_rows_are_normalised_and_readable_through_the_ef_model()
    {
        var database = await NewDatabaseAsync();
        using var index = NewIndex(database);
        var id = Guid.NewGuid();
        var author = Guid.NewGuid();
        var vector = Axis(2);
        vector[2] = 3;
        vector[5] = 4;
        await index.UpsertAsync([Record(SearchDocumentKind.Product, id, vector, author, ContentStatus.Hidden)]);

        await using var db = TestServices.CreateDbContext(database);
        var row = await db.SearchDocuments.SingleAsync();
        Assert.Equal((SearchDocumentKind.Product, id, author, ContentStatus.Hidden, "test-model", false),
            (row.Kind, row.DocumentId, row.AuthorId, row.Status, row.Model, row.IsDeleted));
        Assert.Equal(0.6f, row.Embedding[2], 5);
        Assert.Equal(0.8f, row.Embedding[5], 5);
        Assert.True(row.IndexedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        var stored = await index.GetVectorsAsync([new VectorKey(SearchDocumentKind.Product, id), new VectorKey(SearchDocumentKind.Product, Guid.NewGuid())]);
        Assert.Equal(row.Embedding, Assert.Single(stored).Value.ToArray());
    }

    [Fact]
    public async Task Deletes_are_idempotent_and_upserts_replace()
    {
        var database = await NewDatabaseAsync();
        using var index = NewIndex(database);
        var key = new VectorKey(SearchDocumentKind.Post, Guid.NewGuid());

        await index.DeleteAsync([key]);
        await index.UpsertAsync([Record(key.Kind, key.Id, Axis(1))]);
        await index.UpsertAsync([Record(key.Kind, key.Id, Axis(1))]);
        Assert.Single(await index.SearchAsync(Query(Axis(1))));
        await index.DeleteAsync([key, key]);
        await index.DeleteAsync([key]);
        Assert.Empty(await index.SearchAsync(Query(Axis(1))));

        await using var db = TestServices.CreateDbContext(database);
        Assert.True((await db.SearchDocuments.SingleAsync()).IsDeleted);
    }

    [Fact]
    public async Task Vectors_of_the_wrong_size_are_rejected_and_rows_of_another_size_are_skipped_on_load()
    {
        var database = await NewDatabaseAsync();
        using var index = NewIndex(database);
        await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertAsync([Record(SearchDocumentKind.Post, Guid.NewGuid(), new float[8])]));
        await Assert.ThrowsAsync<ArgumentException>(() => index.SearchAsync(Query(new float[8])));

        using var otherModel = new PostgresVectorIndex(NpgsqlDataSource.Create(database), 8, Live, TimeProvider.System,
            NullLogger<PostgresVectorIndex>.Instance);
        await otherModel.UpsertAsync([Record(SearchDocumentKind.Post, Guid.NewGuid(), [1, 0, 0, 0, 0, 0, 0, 0])]);
        await index.UpsertAsync([Record(SearchDocumentKind.Post, Guid.NewGuid(), Axis(1))]);

        Assert.Single(await index.SearchAsync(Query(Axis(1))));
        Assert.Equal(1, index.CachedCount);
    }
}
