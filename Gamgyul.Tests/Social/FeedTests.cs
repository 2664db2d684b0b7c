using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class FeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    internal static async Task FollowAsync(TestUser follower, TestUser followee) =>
        await (await follower.Client.PostAsJsonAsync("/follows/", new { handle = followee.Handle })).ExpectAsync(HttpStatusCode.Created);

    internal static async Task<List<Guid>> ReadAllAsync(HttpClient client, string url, Func<int, Task>? betweenPages = null)
    {
        var ids = new List<Guid>();
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            ids.AddRange(page.Results().Select(p => p.Uuid()));
            next = page.NextLink();
            if (betweenPages is not null)
            {
                await betweenPages(++pages);
            }
        }

        return ids;
    }

    [Fact]
    public async Task Home_feed_has_followed_and_own_posts_newest_first_without_gaps_or_duplicates_while_posts_arrive()
    {
        var me = await factory.CreateUserAsync();
        var friend = await factory.CreateUserAsync();
        var idol = await factory.CreateUserAsync();
        var stranger = await factory.CreateUserAsync();
        await FollowAsync(me, friend);
        await FollowAsync(me, idol);
        await FollowAsync(stranger, me);

        var expected = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            expected.Add((await friend.CreatePostAsync($"friend {i}")).Uuid());
            expected.Add((await idol.CreatePostAsync($"idol {i}")).Uuid());
            expected.Add((await me.CreatePostAsync($"me {i}")).Uuid());
            await stranger.CreatePostAsync($"stranger {i}");
        }

        expected.Reverse();
        var arrivedMeanwhile = new List<Guid>();

        // New posts by followed users arrive between page reads; the pages continue where they were.
        var seen = await ReadAllAsync(me.Client, "/posts/follows/?page_size=5", async _ =>
            arrivedMeanwhile.Add((await friend.CreatePostAsync("breaking news")).Uuid()));

        Assert.Equal(expected, seen);
        var fresh = await me.Client.GetJsonAsync("/posts/follows/?page_size=3");
        Assert.Equal(arrivedMeanwhile.AsEnumerable().Reverse().Take(3), fresh.Results().Select(p => p.Uuid()));
        Assert.Null(fresh.PreviousLink());
    }

    [Fact]
    public async Task Previous_links_walk_back_to_the_same_pages()
    {
        var author = await factory.CreateUserAsync();
        for (var i = 0; i < 7; i++)
        {
            await author.CreatePostAsync($"post {i}");
        }

        var first = await author.Client.GetJsonAsync($"/posts/latest/{author.Handle}/?page_size=3");
        var second = await author.Client.GetJsonAsync(first.NextLink()!);
        var third = await author.Client.GetJsonAsync(second.NextLink()!);
        var backToSecond = await author.Client.GetJsonAsync(third.PreviousLink()!);
        var backToFirst = await author.Client.GetJsonAsync(backToSecond.PreviousLink()!);

        Assert.Single(third.Results());
        Assert.Null(third.NextLink());
        Assert.Equal(second.Results().Select(p => p.Uuid()), backToSecond.Results().Select(p => p.Uuid()));
        Assert.Equal(first.Results().Select(p => p.Uuid()), backToFirst.Results().Select(p => p.Uuid()));
        Assert.Null(backToFirst.PreviousLink());
        Assert.StartsWith("http", first.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Feeds_refuse_anonymous_home_bad_cursors_and_unknown_handles()
    {
        var user = await factory.CreateUserAsync();
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/posts/follows/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/posts/latest/nobody_here/")).StatusCode);
        foreach (var url in new[] { "/posts/latest/?cursor=xyz", "/posts/p/?cursor=nAAAA", "/posts/follows/?cursor=cAAA", $"/posts/latest/{user.Handle}/?cursor=%20" })
        {
            Assert.Contains("cursor", await (await user.Client.GetAsync(url)).ValidationErrorFieldsAsync());
        }
    }

    [Fact]
    public async Task Posts_of_a_handle_carry_is_liked_for_the_caller_not_the_owner()
    {
        var owner = await factory.CreateUserAsync();
        var visitor = await factory.CreateUserAsync();
        var post = (await owner.CreatePostAsync("mine")).Uuid();
        await owner.CreatePostAsync("also mine");
        await (await owner.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).ExpectAsync(HttpStatusCode.Created);

        var page = await visitor.Client.GetJsonAsync($"/posts/latest/{owner.Handle}/");

        Assert.Equal(2, page.Results().Length);
        Assert.All(page.Results(), p => Assert.False(p.GetProperty("is_liked").GetBoolean()));
        Assert.All(page.Results(), p => Assert.Equal(owner.Handle, p.GetProperty("user").GetProperty("handle").GetString()));
        var own = await owner.Client.GetJsonAsync($"/posts/latest/{owner.Handle}/");
        Assert.True(own.Results().Single(p => p.Uuid() == post).GetProperty("is_liked").GetBoolean());
    }

    [Fact]
    public async Task Tag_filter_matches_exact_tags_including_korean_and_search_matches_text()
    {
        var author = await factory.CreateUserAsync();
        var tangerine = (await author.CreatePostAsync("오늘 수확 #감귤 #제주")).Uuid();
        var farm = (await author.CreatePostAsync("농장 구경 #감귤농장")).Uuid();
        var both = (await author.CreatePostAsync("귤 100% 무농약", tags: ["감귤", "Organic"])).Uuid();
        var anonymous = factory.CreateClient();

        var tagged = await ReadAllAsync(anonymous, "/posts/p/?tags=%EA%B0%90%EA%B7%A4");
        Assert.Equal([both, tangerine], tagged.Where(id => id == both || id == tangerine || id == farm));
        var two = await ReadAllAsync(anonymous, "/posts/p/?tags=감귤,organic");
        Assert.Equal([both], two);
        var repeated = await ReadAllAsync(anonymous, "/posts/p/?tags=%23감귤&tags=제주");
        Assert.Equal([tangerine], repeated);

        Assert.Equal([farm], await ReadAllAsync(anonymous, "/posts/p/?search=농장%20구경"));
        Assert.Equal([both], await ReadAllAsync(anonymous, "/posts/p/?search=100%25"));
        Assert.Contains(tangerine, await ReadAllAsync(anonymous, "/posts/p/?search=수확"));
        Assert.Empty(await ReadAllAsync(anonymous, "/posts/p/?search=_%25_nothing"));

        Assert.Contains("tags", await (await anonymous.GetAsync("/posts/p/?tags=no-dashes")).ValidationErrorFieldsAsync());
        Assert.Contains("search", await (await anonymous.GetAsync($"/posts/p/?search={new string('x', 101)}")).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Sql_queries_per_page_do_not_grow_with_the_page_size()
    {
        var me = await factory.CreateUserAsync();
        var friends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.CreateUserAsync()));
        foreach (var friend in friends)
        {
            await FollowAsync(me, friend);
            for (var i = 0; i < 8; i++)
            {
                var post = (await friend.CreatePostAsync($"post {i} #tag", images: ["https://img.example.com/a.png", "https://img.example.com/b.png"])).Uuid();
                // Comments with replies and likes, so every part of the projection has rows.
                var comment = (await (await me.Client.PostAsJsonAsync("/comments/", new { post, content = "nice" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
                await (await friend.Client.PostAsJsonAsync("/comments/", new { post, content = "thanks", parent = comment })).ExpectAsync(HttpStatusCode.Created);
                await (await friend.Client.PostAsJsonAsync("/comments/", new { post, content = "more" })).ExpectAsync(HttpStatusCode.Created);
                await (await me.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).ExpectAsync(HttpStatusCode.Created);
            }
        }

        using var counter = new SqlCommandCounter();
        foreach (var list in new[] { "/posts/follows/", "/posts/latest/", "/posts/p/?tags=tag", $"/posts/latest/{friends[0].Handle}/" })
        {
            var (small, smallCommands) = await counter.Send(me.Client, list + (list.Contains('?') ? "&" : "?") + "page_size=1");
            var (large, largeCommands) = await counter.Send(me.Client, list + (list.Contains('?') ? "&" : "?") + "page_size=8");

            Assert.Single((await small.ReadJsonAsync()).Results());
            var page = await large.ReadJsonAsync();
            Assert.Equal(8, page.Results().Length);
            Assert.All(page.Results(), p => Assert.Equal(2, p.GetProperty("comments").GetArrayLength()));
            // The per-request user check reads the security stamp only when its Redis entry has expired, which
            // on a slow run can happen between the two requests: it is authentication, not the page.
            smallCommands = [.. smallCommands.Where(c => !c.Contains("security_stamp"))];
            largeCommands = [.. largeCommands.Where(c => !c.Contains("security_stamp"))];
            Assert.NotEmpty(smallCommands);
            Assert.True(smallCommands.Count == largeCommands.Count,
                $"{list}: {smallCommands.Count} queries for 1 post, {largeCommands.Count} for 8:\n{string.Join("\n", largeCommands)}");
            Assert.True(largeCommands.Count <= 3, $"{list}: {largeCommands.Count} queries");
            if (list == "/posts/follows/")
            {
                // Posts and comment previews: a page with a followed author's post needs no "follows anyone?" query.
                Assert.True(largeCommands.Count == 2, $"{list}: {largeCommands.Count} queries:\n{string.Join("\n", largeCommands)}");
            }
        }
    }
}
