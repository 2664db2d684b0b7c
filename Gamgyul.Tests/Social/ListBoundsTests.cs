using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

/// <summary>What every growing list shares: cursors this Api did not issue are 400, page sizes are bounded.</summary>
public class ListBoundsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_growing_list_refuses_a_cursor_it_did_not_issue()
    {
        var user = await factory.CreateUserAsync();
        var post = (await user.CreatePostAsync("lists")).Uuid();
        var comment = (await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "c" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();

        var lists = new[]
        {
            "/posts/p/", "/posts/latest/", $"/posts/latest/{user.Handle}/", "/posts/follows/",
            $"/comments/?uuid={post}", $"/comments/{comment}/replies/", "/comments/user/", $"/comments/user/?handle={user.Handle}",
            $"/likes/post-likes/?uuid={post}", $"/likes/comment-likes/?uuid={comment}", $"/likes/post-likes/?handle={user.Handle}",
            $"/follows/{user.Handle}/follows/", $"/follows/{user.Handle}/followers/",
            "/products/", $"/products/latest/{user.Handle}/", "/reports/mine/",
        };
        foreach (var list in lists)
        {
            var url = list + (list.Contains('?') ? "&" : "?") + "cursor=not-a-cursor";
            Assert.True((await user.Client.GetAsync(list)).IsSuccessStatusCode, list);
            Assert.Contains("cursor", await (await user.Client.GetAsync(url)).ValidationErrorFieldsAsync());
        }
    }

    [Fact]
    public async Task Page_sizes_are_bounded_and_a_comment_edit_writes_an_event()
    {
        var user = await factory.CreateUserAsync();
        var post = (await user.CreatePostAsync("many comments")).Uuid();
        var first = (await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "0" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        for (var i = 1; i < 52; i++)
        {
            await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = $"{i}" })).ExpectAsync(HttpStatusCode.Created);
        }

        var huge = await user.Client.GetJsonAsync($"/comments/?uuid={post}&page_size=1000");
        Assert.Equal(50, huge.Results().Length);
        Assert.NotNull(huge.NextLink());
        Assert.Single((await user.Client.GetJsonAsync($"/comments/?uuid={post}&page_size=0")).Results());

        await (await user.Client.PatchAsJsonAsync($"/comments/{first}/", new { content = "edited" })).ExpectAsync(HttpStatusCode.OK);
        await using var db = factory.CreateDbContext();
        var types = await db.Outbox.Where(m => m.Key == first.ToString()).Select(m => m.Type).ToListAsync();
        Assert.Equal(["comment.created", "comment.updated"], types.Order());
    }
}
