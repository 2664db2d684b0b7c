using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class FollowTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Lists_name_the_other_party_newest_first_and_counters_match()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        var c = await factory.CreateUserAsync();

        var followed = await (await a.Client.PostAsJsonAsync("/follows/", new { handle = b.Handle })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(b.Handle, followed.GetProperty("handle").GetString());
        await (await a.Client.PostAsJsonAsync("/follows/", new { handle = c.Handle })).ExpectAsync(HttpStatusCode.Created);
        await (await b.Client.PostAsJsonAsync("/follows/", new { handle = a.Handle })).ExpectAsync(HttpStatusCode.Created);

        var anonymous = factory.CreateClient();
        var following = await anonymous.GetJsonAsync($"/follows/{a.Handle}/follows/");
        Assert.Equal([c.Handle, b.Handle], following.Results().Select(r => r.GetProperty("user").GetProperty("handle").GetString()));
        var followers = await anonymous.GetJsonAsync($"/follows/{a.Handle}/followers/");
        Assert.Equal([b.Handle], followers.Results().Select(r => r.GetProperty("follower").GetProperty("handle").GetString()));
        Assert.True(followers.Results()[0].TryGetProperty("created_at", out _));

        await using var db = factory.CreateDbContext();
        var userA = await db.Users.SingleAsync(u => u.Id == a.Id);
        Assert.Equal((2, 1), (userA.FollowsCount, userA.FollowersCount));
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.Id == c.Id)).FollowersCount);
        Assert.Equal(3, await db.Outbox.CountAsync(m => m.Type == "user.followed" && (m.Key == a.Id.ToString() || m.Key == b.Id.ToString() || m.Key == c.Id.ToString())));
    }

    [Fact]
    public async Task Follow_refuses_anonymous_missing_unknown_self_and_duplicate()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/follows/", new { handle = b.Handle })).StatusCode);
        Assert.Contains("handle", await (await a.Client.PostAsJsonAsync("/follows/", new { })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.PostAsJsonAsync("/follows/", new { handle = "nobody_here" })).StatusCode);
        Assert.Contains("handle", await (await a.Client.PostAsJsonAsync("/follows/", new { handle = a.Handle })).ValidationErrorFieldsAsync());
        await (await a.Client.PostAsJsonAsync("/follows/", new { handle = b.Handle })).ExpectAsync(HttpStatusCode.Created);

        var duplicate = await a.Client.PostAsJsonAsync("/follows/", new { handle = b.Handle.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.Id == b.Id)).FollowersCount);
    }

    [Fact]
    public async Task Unfollow_and_remove_follower_move_the_right_counters()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();
        await (await a.Client.PostAsJsonAsync("/follows/", new { handle = b.Handle })).ExpectAsync(HttpStatusCode.Created);
        await (await b.Client.PostAsJsonAsync("/follows/", new { handle = a.Handle })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().DeleteAsync($"/follows/{b.Handle}/unfollow/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Client.DeleteAsync($"/follows/{b.Handle}/unfollow/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.DeleteAsync($"/follows/{b.Handle}/unfollow/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.DeleteAsync("/follows/nobody_here/unfollow/")).StatusCode);

        // b follows a; a removes b from a's followers: b's follows_count and a's followers_count go down.
        Assert.Equal(HttpStatusCode.NoContent, (await a.Client.DeleteAsync($"/follows/{b.Handle}/unfollower/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.DeleteAsync($"/follows/{b.Handle}/unfollower/")).StatusCode);

        await using var db = factory.CreateDbContext();
        var users = await db.Users.Where(u => u.Id == a.Id || u.Id == b.Id).ToDictionaryAsync(u => u.Id);
        Assert.Equal((0, 0), (users[a.Id].FollowsCount, users[a.Id].FollowersCount));
        Assert.Equal((0, 0), (users[b.Id].FollowsCount, users[b.Id].FollowersCount));
        Assert.False(await db.Follows.AnyAsync(f => f.FollowerId == a.Id || f.FollowerId == b.Id));
    }

    [Fact]
    public async Task Lists_page_by_cursor_and_refuse_unknown_handles_and_bad_cursors()
    {
        var star = await factory.CreateUserAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.CreateUserAsync()));
        foreach (var fan in fans)
        {
            await (await fan.Client.PostAsJsonAsync("/follows/", new { handle = star.Handle })).ExpectAsync(HttpStatusCode.Created);
        }

        var client = factory.CreateClient();
        var seen = new List<string>();
        var url = $"/follows/{star.Handle}/followers/?page_size=2";
        while (url is not null)
        {
            var page = await client.GetJsonAsync(url);
            seen.AddRange(page.Results().Select(r => r.GetProperty("follower").GetProperty("handle").GetString()!));
            url = page.NextLink();
        }

        Assert.Equal(fans.Reverse().Select(f => f.Handle), seen);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/follows/nobody_here/followers/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/follows/nobody_here/follows/")).StatusCode);
        Assert.Contains("cursor", await (await client.GetAsync($"/follows/{star.Handle}/followers/?cursor=garbage")).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Fifty_parallel_follows_of_one_user_keep_the_counter_exact()
    {
        var star = await factory.CreateUserAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => factory.CreateUserAsync()));

        var responses = await Task.WhenAll(fans.Select(f => f.Client.PostAsJsonAsync("/follows/", new { handle = star.Handle })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = factory.CreateDbContext();
        Assert.Equal(50, await db.Follows.CountAsync(f => f.FolloweeId == star.Id));
        Assert.Equal(50, (await db.Users.SingleAsync(u => u.Id == star.Id)).FollowersCount);
        var fanIds = fans.Select(f => f.Id).ToList();
        Assert.All(await db.Users.Where(u => fanIds.Contains(u.Id)).ToListAsync(), u => Assert.Equal(1, u.FollowsCount));
    }

    [Fact]
    public async Task Concurrent_follow_and_unfollow_of_one_pair_keep_counters_equal_to_rows()
    {
        var a = await factory.CreateUserAsync();
        var b = await factory.CreateUserAsync();

        var calls = Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? a.Client.PostAsJsonAsync("/follows/", new { handle = b.Handle })
            : a.Client.DeleteAsync($"/follows/{b.Handle}/unfollow/"));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, r.StatusCode.ToString()));
        await using var db = factory.CreateDbContext();
        var rows = await db.Follows.CountAsync(f => f.FollowerId == a.Id && f.FolloweeId == b.Id);
        Assert.Equal(rows, (await db.Users.SingleAsync(u => u.Id == a.Id)).FollowsCount);
        Assert.Equal(rows, (await db.Users.SingleAsync(u => u.Id == b.Id)).FollowersCount);
    }
}
