using System.Text;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging;
using Gamgyul.Search.Vectors;
using Gamgyul.SearchIndexer.Indexing;
using Gamgyul.SearchIndexer.Rebuild;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>De-duplication by event id and the rebuild from Postgres (resumable, removes what has no source).</summary>
public sealed class IndexerMaintenanceTests(SearchPipelineFactory factory) : IClassFixture<SearchPipelineFactory>, IAsyncLifetime
{
    private IndexerFactory _indexer = null!;

    public Task InitializeAsync()
    {
        _indexer = factory.StartIndexer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _indexer.DisposeAsync();

    [Fact]
    public async Task An_event_delivered_twice_is_applied_once()
    {
        var author = await factory.CreateUserAsync();
        var post = await InsertPostAsync(author.Id, "중복 이벤트 시험 글", ContentStatus.Published);
        var message = new ReceivedMessage(Topics.ContentEvents, "1-0", post.ToString(), Encoding.UTF8.GetBytes("{}"),
            new Dictionary<string, string>
            {
                [MessageHeaders.EventId] = Guid.CreateVersion7().ToString(),
                [MessageHeaders.EventType] = "post.created",
                [MessageHeaders.OccurredAt] = DateTimeOffset.UtcNow.ToString("O"),
            }, DateTimeOffset.UtcNow, 0);

        Assert.True(await HandleAsync(message));
        Assert.False(await HandleAsync(message));
        Assert.True(await IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, post));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.ProcessedEvents.CountAsync(e => e.EventId == Guid.Parse(message.Headers[MessageHeaders.EventId])));
    }

    [Fact]
    public async Task Events_that_do_not_concern_the_index_and_unknown_types_change_nothing()
    {
        var message = new ReceivedMessage(Topics.ContentEvents, "1-0", Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes("{}"),
            new Dictionary<string, string> { [MessageHeaders.EventId] = Guid.NewGuid().ToString(), [MessageHeaders.EventType] = "post.liked" },
            DateTimeOffset.UtcNow, 0);
        Assert.Empty(ContentEventRouter.AffectedKeys(message));
        Assert.True(await HandleAsync(message));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.ProcessedEvents.AnyAsync(e => e.EventId == Guid.Parse(message.Headers[MessageHeaders.EventId])));
    }

    [Fact]
    public async Task A_rebuild_resumes_after_its_checkpoint_removes_orphans_and_a_fresh_one_indexes_everything()
    {
        var author = await factory.CreateUserAsync();
        var posts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            posts.Add(await InsertPostAsync(author.Id, $"재색인 시험 글 {i}", ContentStatus.Published));
        }

        var hidden = await InsertPostAsync(author.Id, "숨겨진 글", ContentStatus.Hidden);
        var orphan = Guid.CreateVersion7();
        var index = _indexer.Services.GetRequiredService<IVectorIndex>();
        await index.UpsertAsync([new VectorRecord(new VectorKey(SearchDocumentKind.Post, orphan), Unit(index.Dimensions),
            new VectorMetadata { Model = "test", CreatedAt = DateTimeOffset.UtcNow, SourceUpdatedAt = DateTimeOffset.UtcNow })]);
        await index.UpsertAsync([new VectorRecord(new VectorKey(SearchDocumentKind.Post, hidden), Unit(index.Dimensions),
            new VectorMetadata { Model = "test", CreatedAt = DateTimeOffset.UtcNow, SourceUpdatedAt = DateTimeOffset.UtcNow })]);

        // An earlier run stopped after the third post (ids are time-ordered, so the order is the list's).
        var ordered = posts.Order().ToList();
        var redis = _indexer.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await redis.StringSetAsync(IndexRebuilder.CheckpointPrefix + "post", ordered[2].ToString());
        var rebuilder = _indexer.Services.GetRequiredService<IndexRebuilder>();

        await rebuilder.RunAsync(fresh: false, CancellationToken.None);

        foreach (var id in ordered.Take(3))
        {
            Assert.True(await IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, id), "posts before the checkpoint are not redone");
        }

        foreach (var id in ordered.Skip(3))
        {
            Assert.True(await IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), "posts after the checkpoint are indexed");
        }

        Assert.True(await IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, orphan), "an entry without a source is removed");
        Assert.True(await IndexProbe.IsGoneAsync(factory, SearchDocumentKind.Post, hidden), "a hidden post is removed");
        Assert.True(await IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.User, author.Id), "users are indexed too");
        Assert.False(await redis.KeyExistsAsync(IndexRebuilder.CheckpointPrefix + "post"), "a finished rebuild forgets its checkpoint");

        var exit = await RebuildCommand.RunAsync(_indexer.Services, [RebuildCommand.Name, "fresh"], TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        foreach (var id in ordered)
        {
            Assert.True(await IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), "a fresh rebuild indexes every post");
        }
    }

    [Fact]
    public async Task The_rebuild_command_accepts_only_its_own_arguments()
    {
        Assert.Null(await RebuildCommand.RunAsync(_indexer.Services, [], TextWriter.Null, CancellationToken.None));
        Assert.Null(await RebuildCommand.RunAsync(_indexer.Services, ["--urls=http://x"], TextWriter.Null, CancellationToken.None));
        Assert.Equal(2, await RebuildCommand.RunAsync(_indexer.Services, [RebuildCommand.Name, "everything"], TextWriter.Null, CancellationToken.None));
    }

    private async Task<bool> HandleAsync(ReceivedMessage message)
    {
        await using var scope = _indexer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentEventHandler>().HandleAsync(message, CancellationToken.None);
    }

    private async Task<Guid> InsertPostAsync(Guid authorId, string text, ContentStatus status)
    {
        await using var db = factory.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var post = new Post { Id = Guid.CreateVersion7(now), AuthorId = authorId, Text = text, Status = status, CreatedAt = now, UpdatedAt = now };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }

    private static float[] Unit(int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = 1;
        return vector;
    }
}
