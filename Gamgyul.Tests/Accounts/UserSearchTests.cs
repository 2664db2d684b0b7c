using System.Net;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

public class UserSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Search_matches_handle_or_username_case_insensitively_and_excludes_the_caller()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var caller = await factory.CreateUserAsync($"seeker_{tag}");
        var byHandle = await factory.CreateUserAsync($"hallabong_{tag}");
        var other = await factory.CreateUserAsync($"citrus_{tag}");
        await using (var db = factory.CreateDbContext())
        {
            var user = db.Users.Single(u => u.Id == other.Id);
            user.DisplayName = "HALLABONG 농장";
            await db.SaveChangesAsync();
        }

        var page = await (await caller.Client.GetAsync($"/accounts/users/?search=hallabong")).JsonAsync();
        var handles = page.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("handle").GetString()).ToList();
        Assert.Contains(byHandle.Handle, handles);
        Assert.Contains(other.Handle, handles);

        // Terms are ANDed, and the caller never lists themself.
        var narrowed = await (await caller.Client.GetAsync($"/accounts/users/?search=hallabong,{tag} 농장")).JsonAsync();
        Assert.Equal([other.Handle], narrowed.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("handle").GetString()));
        var self = await (await caller.Client.GetAsync($"/accounts/users/?search=seeker_{tag}")).JsonAsync();
        Assert.Equal(0, self.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_list_is_paginated_newest_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var caller = await factory.CreateUserAsync();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await factory.CreateUserAsync($"page{i}_{tag}")).Handle);
        }

        var first = await (await caller.Client.GetAsync($"/accounts/users?search={tag}&page_size=2")).JsonAsync();
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal(2, first.GetProperty("results").GetArrayLength());
        Assert.Equal(created[2], first.GetProperty("results")[0].GetProperty("handle").GetString());
        var next = first.GetProperty("next").GetString()!;
        Assert.Contains("page=2", next);

        var second = await (await caller.Client.GetAsync(next)).JsonAsync();
        Assert.Equal(created[0], Assert.Single(second.GetProperty("results").EnumerateArray()).GetProperty("handle").GetString());
        Assert.Equal(JsonValueKindNull, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task An_overlong_search_is_400()
    {
        var caller = await factory.CreateUserAsync();

        var response = await caller.Client.GetAsync("/accounts/users/?search=" + new string('a', 101));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "search");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
