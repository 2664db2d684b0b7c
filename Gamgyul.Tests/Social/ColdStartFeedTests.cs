using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

/// <summary>The cold-start feed ranks every recent post, so it gets a database of its own.</summary>
public class ColdStartFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Cold_start_feed_shows_popular_recent_posts_to_someone_who_follows_nobody()
    {
        var newcomer = await factory.CreateUserAsync();
        var author = await factory.CreateUserAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.CreateUserAsync()));
        var quiet = (await author.CreatePostAsync("nobody cares")).Uuid();
        var popular = (await author.CreatePostAsync("everyone loves this")).Uuid();
        var liked = (await author.CreatePostAsync("somewhat liked")).Uuid();
        var old = (await author.CreatePostAsync("was popular last year")).Uuid();
        foreach (var fan in fans)
        {
            await (await fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = popular })).ExpectAsync(HttpStatusCode.Created);
            await (await fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = old })).ExpectAsync(HttpStatusCode.Created);
        }

        await (await fans[0].Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = liked })).ExpectAsync(HttpStatusCode.Created);
        await using (var db = factory.CreateDbContext())
        {
            await db.Posts.Where(p => p.Id == old).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, DateTimeOffset.UtcNow.AddDays(-365)));
        }

        var cold = await FeedTests.ReadAllAsync(newcomer.Client, "/posts/follows/?page_size=2");

        // Ranked by engagement (likes count double), newest first among equals; the year-old post is outside the window.
        Assert.Equal([popular, liked, quiet], cold);
        Assert.Equal(cold.Count, cold.Distinct().Count());

        // Once they follow someone, the feed is that person's posts (and their own).
        await FeedTests.FollowAsync(newcomer, fans[1]);
        var post = (await fans[1].CreatePostAsync("hello follower")).Uuid();
        Assert.Equal([post], (await newcomer.Client.GetJsonAsync("/posts/follows/")).Results().Select(p => p.Uuid()));
    }
}
