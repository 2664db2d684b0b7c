using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>The indexer stopped in the middle of a stream of events, and events published while it is down.</summary>
public sealed class IndexerRestartTests(SearchPipelineFactory factory, ITestOutputHelper output) : IClassFixture<SearchPipelineFactory>
{
    [Fact]
    public async Task An_indexer_restarted_mid_stream_loses_nothing_and_applies_each_event_once()
    {
        var author = await factory.CreateUserAsync();
        var ids = new List<Guid>();
        var first = factory.StartIndexer();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await author.CreatePostAsync($"귤밭 일기 {i}일째: 오늘도 감귤 따기")).Uuid());
        }

        // Stop it once it has made some progress, most likely with events still in flight.
        await Eventually.HoldsAsync(async () => await ProcessedCountAsync() >= 5, "the first indexer handles a few events");
        await first.DisposeAsync();
        var before = await ProcessedCountAsync();
        output.WriteLine($"handled before the stop: {before} of {ids.Count}");

        // Changes while no indexer runs wait on the bus.
        for (var i = 40; i < 50; i++)
        {
            ids.Add((await author.CreatePostAsync($"귤밭 일기 {i}일째: 비가 와서 쉬는 날")).Uuid());
        }

        await using var second = factory.StartIndexer();
        await Eventually.HoldsAsync(async () => await IndexProbe.LiveCountAsync(factory, SearchDocumentKind.Post) == ids.Count,
            "every post is indexed after the restart");
        foreach (var id in ids)
        {
            Assert.True(await IndexProbe.IsIndexedAsync(factory, SearchDocumentKind.Post, id), $"post {id} is indexed");
        }

        await Eventually.HoldsAsync(async () => await ProcessedCountAsync() == ids.Count, "every event is recorded as handled");
        await using var db = factory.CreateDbContext();
        var outboxIds = await db.Outbox.Where(m => m.Type == "post.created").Select(m => m.Id).ToListAsync();
        var processed = await db.ProcessedEvents.Select(e => e.EventId).ToListAsync();
        Assert.Equal(outboxIds.Order(), processed.Order());
    }

    private async Task<int> ProcessedCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.ProcessedEvents.CountAsync();
    }
}
