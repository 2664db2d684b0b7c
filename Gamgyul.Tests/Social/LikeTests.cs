using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class LikeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Post_like_unlike_count_likers_and_is_liked()
    {
        var author = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("like me")).Uuid();

        var liked = await (await fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, liked.GetProperty("likes_count").GetInt32());
        Assert.Equal(fan.Handle, liked.GetProperty("like_user").GetProperty("handle").GetString());
        // The query-string form the original's tests used works too.
        await (await other.Client.PostAsync($"/likes/post-likes/?uuid={post}", null)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).StatusCode);

        var count = await fan.Client.GetJsonAsync($"/likes/post-likes/{post}/");
        Assert.Equal(2, count.GetProperty("like_count").GetInt32());
        Assert.True(count.GetProperty("is_liked").GetBoolean());
        var likers = await author.Client.GetJsonAsync($"/likes/post-likes/?uuid={post}");
        Assert.Equal([other.Handle, fan.Handle], likers.Results().Select(r => r.GetProperty("like_user").GetProperty("handle").GetString()));

        Assert.True((await fan.Client.GetJsonAsync($"/posts/p/{post}/")).GetProperty("is_liked").GetBoolean());
        Assert.False((await author.Client.GetJsonAsync($"/posts/p/{post}/")).GetProperty("is_liked").GetBoolean());
        Assert.True((await fan.Client.GetJsonAsync("/posts/latest/")).Results().Single(p => p.Uuid() == post).GetProperty("is_liked").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await fan.Client.DeleteAsync($"/likes/post-likes/{post}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fan.Client.DeleteAsync($"/likes/post-likes/{post}/")).StatusCode);
        var after = await fan.Client.GetJsonAsync($"/posts/p/{post}/");
        Assert.Equal(1, after.GetProperty("likes_count").GetInt32());
        Assert.False(after.GetProperty("is_liked").GetBoolean());

        await using var db = factory.CreateDbContext();
        var types = await db.Outbox.Where(m => m.Key == post.ToString() && m.Type.StartsWith("post.") && m.Type.EndsWith("liked"))
            .Select(m => m.Type).ToListAsync();
        Assert.Equal(2, types.Count(t => t == "post.liked"));
        Assert.Equal(1, types.Count(t => t == "post.unliked"));
    }

    [Fact]
    public async Task A_users_liked_posts_are_listable_by_handle_newest_like_first()
    {
        var author = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var first = (await author.CreatePostAsync("one")).Uuid();
        var second = (await author.CreatePostAsync("two")).Uuid();
        var third = (await author.CreatePostAsync("three")).Uuid();
        foreach (var post in new[] { second, first, third })
        {
            await (await fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).ExpectAsync(HttpStatusCode.Created);
        }

        var page = await author.Client.GetJsonAsync($"/likes/post-likes/?handle={fan.Handle}&page_size=2");
        var rest = await author.Client.GetJsonAsync(page.NextLink()!);

        Assert.Equal([third, first, second], page.Results().Concat(rest.Results()).Select(p => p.Uuid()));
        Assert.Null(rest.NextLink());
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync("/likes/post-likes/?handle=nobody_here")).StatusCode);
    }

    [Fact]
    public async Task Comment_and_reply_likes_are_separate_and_counted()
    {
        var user = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var post = (await user.CreatePostAsync("comments to like")).Uuid();
        var comment = (await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "top" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var reply = (await (await user.Client.PostAsJsonAsync("/comments/", new { post, content = "reply", parent = comment })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();

        await (await fan.Client.PostAsJsonAsync("/likes/comment-likes/", new { comment_uuid = comment })).ExpectAsync(HttpStatusCode.Created);
        await (await fan.Client.PostAsync($"/likes/reply-likes/?uuid={reply}", null)).ExpectAsync(HttpStatusCode.Created);
        await (await user.Client.PostAsJsonAsync("/likes/reply-likes/", new { uuid = reply })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await fan.Client.PostAsJsonAsync("/likes/comment-likes/", new { comment_uuid = reply })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fan.Client.PostAsJsonAsync("/likes/reply-likes/", new { reply_uuid = comment })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await fan.Client.PostAsJsonAsync("/likes/reply-likes/", new { reply_uuid = reply })).StatusCode);

        Assert.Equal(1, (await fan.Client.GetJsonAsync($"/likes/comment-likes/{comment}/")).GetProperty("like_count").GetInt32());
        Assert.Equal(2, (await fan.Client.GetJsonAsync($"/likes/reply-likes/{reply}/")).GetProperty("like_count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await fan.Client.GetAsync($"/likes/reply-likes/{comment}/")).StatusCode);
        var likers = await fan.Client.GetJsonAsync($"/likes/reply-likes/?uuid={reply}");
        Assert.Equal([user.Handle, fan.Handle], likers.Results().Select(r => r.GetProperty("like_user").GetProperty("handle").GetString()));
        var listed = await fan.Client.GetJsonAsync($"/comments/?uuid={post}");
        Assert.True(listed.Results()[0].GetProperty("is_liked").GetBoolean());
        Assert.Equal(1, listed.Results()[0].GetProperty("likes_count").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await fan.Client.DeleteAsync($"/likes/reply-likes/{reply}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fan.Client.DeleteAsync($"/likes/reply-likes/{reply}/")).StatusCode);
        Assert.Equal(1, (await fan.Client.GetJsonAsync($"/likes/reply-likes/{reply}/")).GetProperty("like_count").GetInt32());
    }

    [Theory]
    [InlineData("/likes/post-likes/")]
    [InlineData("/likes/comment-likes/")]
    [InlineData("/likes/reply-likes/")]
    public async Task Like_endpoints_refuse_anonymous_missing_malformed_and_unknown_targets(string path)
    {
        var user = await factory.CreateUserAsync();
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{path}?uuid={Guid.NewGuid()}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{path}?uuid={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"{path}{Guid.NewGuid()}/")).StatusCode);
        Assert.NotEmpty(await (await user.Client.PostAsync(path, null)).ValidationErrorFieldsAsync());
        Assert.NotEmpty(await (await user.Client.PostAsJsonAsync(path, new { uuid = "nope" })).ValidationErrorFieldsAsync());
        Assert.Contains("uuid", await (await user.Client.PostAsync($"{path}?uuid=nope", null)).ValidationErrorFieldsAsync());
        Assert.Contains("uuid", await (await user.Client.GetAsync($"{path}?uuid=nope")).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PostAsync($"{path}?uuid={Guid.NewGuid()}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"{path}{Guid.NewGuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"{path}{Guid.NewGuid()}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"{path}?uuid={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"{path}not-a-uuid/")).StatusCode);
    }

    [Fact]
    public async Task Fifty_parallel_likes_of_one_post_keep_the_counter_exact()
    {
        var author = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("viral")).Uuid();
        var fans = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => factory.CreateUserAsync()));

        var responses = await Task.WhenAll(fans.Select(f => f.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = factory.CreateDbContext();
        Assert.Equal(50, await db.PostLikes.CountAsync(l => l.PostId == post));
        Assert.Equal(50, (await db.Posts.SingleAsync(p => p.Id == post)).LikesCount);
    }

    [Fact]
    public async Task Parallel_repeated_likes_by_one_user_count_once()
    {
        var author = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("click click click")).Uuid();
        var comment = (await (await author.Client.PostAsJsonAsync("/comments/", new { post, content = "c" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();

        var posts = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })));
        var comments = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => fan.Client.PostAsJsonAsync("/likes/comment-likes/", new { comment_uuid = comment })));

        Assert.Equal(1, posts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(24, posts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, comments.Count(r => r.StatusCode == HttpStatusCode.Created));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, (await db.Posts.SingleAsync(p => p.Id == post)).LikesCount);
        Assert.Equal(1, (await db.Comments.SingleAsync(c => c.Id == comment)).LikesCount);
        Assert.Equal(1, await db.CommentLikes.CountAsync(l => l.CommentId == comment));
    }
}
