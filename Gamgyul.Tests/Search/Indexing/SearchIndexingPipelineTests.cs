using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Numerics.Tensors;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Documents;
using Gamgyul.Search.Embeddings;
using Gamgyul.Search.Vectors;
using Gamgyul.SearchIndexer.Indexing;
using Gamgyul.Tests.Accounts;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>
/// The whole indexing path on real Postgres and Redis: the Api writes the change and its outbox row, the relay
/// hosted in the Api publishes to Redis Streams, the SearchIndexer host consumes and writes the vector index.
/// </summary>
public sealed class SearchIndexingPipelineTests(SearchPipelineFactory factory, ITestOutputHelper output)
    : IClassFixture<SearchPipelineFactory>, IAsyncLifetime
{
    private static readonly NGramEmbeddingGenerator Embedder = new();
    private IndexerFactory? _indexer;

    public Task InitializeAsync()
    {
        _indexer = factory.StartIndexer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_indexer is not null)
        {
            await _indexer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_post_is_indexed_after_creation_reflects_an_edit_and_is_removed_after_deletion()
    {
        var author = await factory.CreateUserAsync();
        var created = await author.CreatePostAsync("서귀포 노지 감귤 첫 수확했어요 #감귤");
        var id = created.Uuid();
        var createdAt = DateTimeOffset.UtcNow;
        var lag = await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), "the new post is indexed");
        output.WriteLine($"create-to-indexed: {lag.TotalMilliseconds:F0} ms");
        Assert.True(DateTimeOffset.UtcNow >= createdAt);
        // The index's memory copy may trail its table by one refresh interval.
        await Eventually.HoldsAsync(async () => await TopPostAsync("서귀포 노지 감귤 수확") == id, "vector search finds the post");

        var edited = await (await author.Client.PatchAsJsonAsync($"/posts/p/{id}/", new { text = "한라봉 택배 주문 받습니다 #한라봉" })).ReadJsonAsync();
        var updatedAt = await IndexProbe.UpdatedAtAsync(factory, id);
        var editLag = await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id, updatedAt),
            "the edit is indexed");
        output.WriteLine($"edit-to-indexed lag: {editLag.TotalMilliseconds:F0} ms");
        var row = await IndexProbe.LiveAsync(factory, SearchDocumentKind.Post, id);
        var expected = await Embedder.GenerateVectorAsync(SearchText.ForPost("한라봉 택배 주문 받습니다 #한라봉", edited.GetProperty("tags").Strings()));
        Assert.True(TensorPrimitives.CosineSimilarity(expected.Span, row!.Embedding) > 0.999f, "the stored vector is the edited text's");
        await Eventually.HoldsAsync(async () => await TopPostAsync("한라봉 택배 주문") == id, "vector search finds the edited post");

        await (await author.Client.DeleteAsync($"/posts/p/{id}/")).ExpectAsync(HttpStatusCode.NoContent);
        var deleteLag = await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, id), "the deleted post leaves the index");
        output.WriteLine($"delete-to-removed lag: {deleteLag.TotalMilliseconds:F0} ms");
        await Eventually.HoldsAsync(async () => await TopPostAsync("한라봉 택배 주문") != id, "vector search no longer finds it");
    }

    [Fact]
    public async Task A_post_hidden_by_moderation_leaves_the_index()
    {
        var author = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var id = (await author.CreatePostAsync("팔로워 싸게 팝니다 #광고")).Uuid();
        await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), "the post is indexed");

        var report = await (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = "post", target_id = id, reason = "spam" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.Client.PatchAsJsonAsync($"/reports/{report.Uuid()}/", new { status = "in_review" })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.Client.PatchAsJsonAsync($"/reports/{report.Uuid()}/", new { status = "resolved", action = "hide_content" }))
            .ExpectAsync(HttpStatusCode.OK);

        await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, id), "the hidden post leaves the index");
    }

    [Fact]
    public async Task Products_follow_their_source_and_a_deleted_account_takes_its_posts_and_products_out()
    {
        var seller = await factory.CreateUserAsync();
        var product = await (await seller.Client.PostAsJsonAsync("/products/", new
        {
            name = "제주 황금향 3kg",
            price = 29000,
            product_link = $"https://store.example/{Guid.NewGuid():N}",
            description = "새콤달콤한 황금향 선물세트",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var productId = product.Uuid();
        var postId = (await seller.CreatePostAsync("황금향 수확 체험 오세요")).Uuid();
        await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Product, productId), "the product is indexed");
        await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, postId), "the post is indexed");

        await (await seller.Client.DeleteAsync($"/accounts/users/{seller.Handle}/")).ExpectAsync(HttpStatusCode.NoContent);

        await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Product, productId), "the product leaves the index");
        await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, postId), "the post leaves the index");
    }

    [Fact]
    public async Task An_account_is_indexed_at_sign_up_follows_profile_edits_and_leaves_the_index_when_deleted()
    {
        var eventsBefore = await UserCreatedEventCountAsync();
        var session = await factory.SignUpAsync();
        var id = (await factory.FindUserByEmailAsync(session.Email)).Id;
        // A refused sign-up (the address is taken) leaves no event behind.
        await (await factory.Client().RegisterAsync(session.Email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(eventsBefore + 1, await UserCreatedEventCountAsync());
        var lag = await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.User, id), "the new account is indexed");
        output.WriteLine($"sign-up-to-indexed: {lag.TotalMilliseconds:F0} ms");

        var client = factory.Client().WithBearer(session.Access);
        await (await client.PatchAsJsonAsync($"/accounts/users/{session.Handle}/",
            new { username = "한라봉 농부", profile = new { bio = "서귀포에서 한라봉과 천혜향을 키워요" } })).ExpectAsync(HttpStatusCode.OK);
        var updatedAt = (await factory.FindUserByEmailAsync(session.Email)).UpdatedAt;
        var editLag = await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.User, id, updatedAt),
            "the profile edit is indexed");
        output.WriteLine($"profile-edit-to-indexed: {editLag.TotalMilliseconds:F0} ms");
        var row = await IndexProbe.LiveAsync(factory, SearchDocumentKind.User, id);
        var expected = await Embedder.GenerateVectorAsync(SearchText.ForUser(session.Handle, "한라봉 농부", "서귀포에서 한라봉과 천혜향을 키워요"));
        Assert.True(TensorPrimitives.CosineSimilarity(expected.Span, row!.Embedding) > 0.999f, "the stored vector is the edited profile's");

        await (await client.DeleteAsync($"/accounts/users/{session.Handle}/")).ExpectAsync(HttpStatusCode.NoContent);
        await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(factory, SearchDocumentKind.User, id), "the deleted account leaves the index");
    }

    [Fact]
    public async Task Each_handled_event_records_its_lag_from_the_change_to_the_index_write()
    {
        var metrics = _indexer!.Services.GetRequiredService<IndexerMetrics>();
        var lags = new ConcurrentQueue<double>();
        var handled = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name is "gamgyul.search.index_lag" or "gamgyul.search.events_handled")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Enqueue(value));
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "event.type")
                {
                    handled.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();

        var author = await factory.CreateUserAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var id = (await author.CreatePostAsync("지연 시간 측정용 감귤 글")).Uuid();
        await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), "the post is indexed");
        await Eventually.HoldsAsync(() => Task.FromResult(handled.Contains("post.created") && !lags.IsEmpty), "the event's lag is recorded");

        // The event's lag (from its occurred_at to the index write) fits in the time the test watched it; one second
        // of slack for the clock reading inside the Api.
        var seen = watch.Elapsed.TotalSeconds;
        output.WriteLine($"index_lag recorded: {string.Join(", ", lags.Select(l => l.ToString("F3")))} s (test saw {seen:F3} s)");
        Assert.Contains(lags, lag => lag > 0 && lag <= seen + 1);
    }

    private async Task<int> UserCreatedEventCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Outbox.CountAsync(m => m.Type == "user.created");
    }

    private async Task<Guid?> TopPostAsync(string query)
    {
        var index = _indexer!.Services.GetRequiredService<IVectorIndex>();
        var vector = await Embedder.GenerateVectorAsync(query);
        var hits = await index.SearchAsync(new VectorSearchRequest { Vector = vector, Kind = SearchDocumentKind.Post, Top = 1 });
        return hits.Count == 0 ? null : hits[0].Key.Id;
    }
}
