using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Api.Accounts;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class CommentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> CommentAsync(TestUser user, Guid post, string content, Guid? parent = null) =>
        await (await user.Client.PostAsJsonAsync("/comments/", new { post, content, parent })).ReadJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Comments_and_replies_have_ids_nest_one_level_and_keep_counts()
    {
        var author = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("comment on me")).Uuid();

        var top = await CommentAsync(fan, post, "first!");
        var reply = await CommentAsync(author, post, "thanks", top.Uuid());
        var replyToReply = await CommentAsync(fan, post, "you're welcome", reply.Uuid());
        var second = await CommentAsync(author, post, "second top");

        Assert.NotEqual(Guid.Empty, top.Uuid());
        Assert.Equal(JsonValueKind.Null, top.GetProperty("parent").ValueKind);
        Assert.Equal(top.Uuid(), reply.GetProperty("parent").GetGuid());
        Assert.Equal(top.Uuid(), replyToReply.GetProperty("parent").GetGuid());
        Assert.Equal(post, top.GetProperty("post").GetGuid());
        Assert.Equal(fan.Handle, top.GetProperty("user").GetProperty("handle").GetString());

        var anonymous = factory.CreateClient();
        var list = await anonymous.GetJsonAsync($"/comments/?uuid={post}");
        Assert.Equal([second.Uuid(), top.Uuid()], list.Results().Select(c => c.Uuid()));
        Assert.Equal(2, list.Results()[1].GetProperty("replies_count").GetInt32());
        var replies = await anonymous.GetJsonAsync($"/comments/{top.Uuid()}/replies/?page_size=1");
        Assert.Equal([reply.Uuid()], replies.Results().Select(c => c.Uuid()));
        var rest = await anonymous.GetJsonAsync(replies.NextLink()!);
        Assert.Equal([replyToReply.Uuid()], rest.Results().Select(c => c.Uuid()));

        var detail = await anonymous.GetJsonAsync($"/posts/p/{post}/");
        Assert.Equal(4, detail.GetProperty("comments_count").GetInt32());
        // The preview: the first two top-level comments, oldest first, each with its first reply.
        var preview = detail.GetProperty("comments").EnumerateArray().ToArray();
        Assert.Equal([top.Uuid(), second.Uuid()], preview.Select(c => c.Uuid()));
        Assert.Equal(reply.Uuid(), preview[0].GetProperty("reply").Uuid());
        Assert.False(preview[0].GetProperty("reply").GetProperty("user").TryGetProperty("email", out _));
        Assert.Equal(JsonValueKind.Null, preview[1].GetProperty("reply").ValueKind);
    }

    [Fact]
    public async Task Create_refuses_anonymous_bad_and_unknown_input()
    {
        var user = await factory.CreateUserAsync();
        var post = (await user.CreatePostAsync("a post")).Uuid();
        var otherPost = (await user.CreatePostAsync("another post")).Uuid();
        var onOther = await CommentAsync(user, otherPost, "elsewhere");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/comments/", new { post, content = "x" })).StatusCode);
        Assert.Contains("post", await (await user.Client.PostAsJsonAsync("/comments/", new { content = "x" })).ValidationErrorFieldsAsync());
        Assert.Contains("post", await (await user.Client.PostAsJsonAsync("/comments/", new { post = "not-a-uuid", content = "x" })).ValidationErrorFieldsAsync());
        Assert.Contains("content", await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = " " })).ValidationErrorFieldsAsync());
        Assert.Contains("content", await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = new string('x', 2001) })).ValidationErrorFieldsAsync());
        Assert.Contains("parent", await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "x", parent = "zz" })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PostAsJsonAsync("/comments/", new { post = Guid.NewGuid(), content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "x", parent = Guid.NewGuid() })).StatusCode);
        Assert.Contains("parent", await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "x", parent = onOther.Uuid() })).ValidationErrorFieldsAsync());

        var anonymous = factory.CreateClient();
        Assert.Contains("uuid", await (await anonymous.GetAsync("/comments/")).ValidationErrorFieldsAsync());
        Assert.Contains("uuid", await (await anonymous.GetAsync("/comments/?uuid=nope")).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/comments/?uuid={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/comments/{Guid.NewGuid()}/replies/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/comments/not-a-uuid/")).StatusCode);
    }

    [Fact]
    public async Task Only_the_author_may_edit_a_comment()
    {
        var postAuthor = await factory.CreateUserAsync();
        var commenter = await factory.CreateUserAsync();
        var post = (await postAuthor.CreatePostAsync("edit rules")).Uuid();
        var comment = await CommentAsync(commenter, post, "typo");
        var url = $"/comments/{comment.Uuid()}/";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PatchAsJsonAsync(url, new { content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await postAuthor.Client.PatchAsJsonAsync(url, new { content = "x" })).StatusCode);
        Assert.Contains("content", await (await commenter.Client.PatchAsJsonAsync(url, new { content = "" })).ValidationErrorFieldsAsync());

        var edited = await (await commenter.Client.PatchAsJsonAsync(url, new { content = "fixed" })).ReadJsonAsync();

        Assert.Equal("fixed", edited.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await commenter.Client.PatchAsJsonAsync($"/comments/{Guid.NewGuid()}/", new { content = "x" })).StatusCode);
    }

    [Fact]
    public async Task Delete_is_for_the_author_the_post_owner_or_an_admin_and_fixes_counts()
    {
        var postAuthor = await factory.CreateUserAsync();
        var commenter = await factory.CreateUserAsync();
        var stranger = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = (await postAuthor.CreatePostAsync("delete rules")).Uuid();
        var top = await CommentAsync(commenter, post, "top");
        await CommentAsync(stranger, post, "reply 1", top.Uuid());
        var reply = await CommentAsync(stranger, post, "reply 2", top.Uuid());
        var other = await CommentAsync(commenter, post, "other");
        var third = await CommentAsync(commenter, post, "third");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().DeleteAsync($"/comments/{top.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.DeleteAsync($"/comments/{top.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await stranger.Client.DeleteAsync($"/comments/{reply.Uuid()}/")).StatusCode);
        Assert.Equal(1, (await factory.CreateClient().GetJsonAsync($"/comments/{top.Uuid()}/")).GetProperty("replies_count").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await postAuthor.Client.DeleteAsync($"/comments/{top.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await commenter.Client.DeleteAsync($"/comments/{other.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/comments/{third.Uuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.DeleteAsync($"/comments/{third.Uuid()}/")).StatusCode);

        var detail = await factory.CreateClient().GetJsonAsync($"/posts/p/{post}/");
        Assert.Equal(0, detail.GetProperty("comments_count").GetInt32());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Comments.AnyAsync(c => c.PostId == post));
        Assert.True(await db.AuditLog.AnyAsync(e => e.TargetId == third.Uuid() && e.ActorId == admin.Id));
        var types = await db.Outbox.Where(m => m.Key == top.Uuid().ToString()).Select(m => m.Type).ToListAsync();
        Assert.Equal(["comment.created", "comment.deleted"], types.Order());
    }

    [Fact]
    public async Task User_comments_list_the_callers_or_a_handles_comments()
    {
        var user = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var post = (await other.CreatePostAsync("talk here")).Uuid();
        var mine = await CommentAsync(user, post, "mine");
        var reply = await CommentAsync(user, post, "my reply", mine.Uuid());
        await CommentAsync(other, post, "theirs");

        var own = await user.Client.GetJsonAsync("/comments/user/");
        Assert.Equal([reply.Uuid(), mine.Uuid()], own.Results().Select(c => c.Uuid()));
        var byHandle = await factory.CreateClient().GetJsonAsync($"/comments/user/?handle={user.Handle}");
        Assert.Equal(2, byHandle.Results().Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/comments/user/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync("/comments/user/?handle=nobody_here")).StatusCode);
    }
}
