using Gamgyul.Api.Posts;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Tests.Social;

/// <summary>
/// Views that arrive together are recorded in one Redis script call; each reader still gets its own answer, and
/// the de-duplication holds inside a batch as across batches. Against the test run's real redis-server.
/// </summary>
public sealed class PostViewCounterTests
{
    [Fact]
    public async Task Concurrent_views_each_get_the_pending_count_and_repeats_within_a_batch_count_once()
    {
        var services = await TestServices.GetAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(services.CreateRedisConnectionString());
        var options = new ViewCountingOptions { KeyPrefix = $"views-{Guid.NewGuid():N}:" };
        await using var counter = new PostViewCounter(redis, Options.Create(options), NullLogger<PostViewCounter>.Instance);
        var popular = Guid.CreateVersion7();
        var quiet = Guid.CreateVersion7();

        // 300 distinct viewers of one post, each twice, and one viewer of another post, all at once.
        var views = Enumerable.Range(0, 300).SelectMany(i => new[] { ("viewer" + i, popular), ("viewer" + i, popular) })
            .Append(("loner", quiet))
            .Select(v => counter.RecordAsync(v.Item2, v.Item1))
            .ToList();
        var answers = await Task.WhenAll(views);

        // Every first view counted: the answers of the popular post cover 1..300, each count given to both views
        // of the viewer who made it or to a later repeat.
        var popularAnswers = answers[..600];
        Assert.Equal(Enumerable.Range(1, 300).Select(n => (long)n), popularAnswers.Distinct().Order());
        Assert.Equal(1, answers[600]);
        var pending = await redis.GetDatabase().HashGetAllAsync(options.KeyPrefix + "pending");
        Assert.Equal(300, (long)pending.Single(e => e.Name == popular.ToString("N")).Value);
        Assert.Equal(1, (long)pending.Single(e => e.Name == quiet.ToString("N")).Value);

        // A repeat after the batch is not counted again.
        Assert.Equal(300, await counter.RecordAsync(popular, "viewer7"));
    }
}
