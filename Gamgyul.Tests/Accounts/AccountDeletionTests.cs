using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

public class AccountDeletionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Deleting_the_account_stops_its_tokens_and_frees_handle_and_email_at_once()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(session.Access);

        var deleted = await client.DeleteAsync($"/accounts/users/{session.Handle}/");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Client().RefreshAsync(session.Refresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Client().LoginAsync(session.Email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await factory.Client().GetAsync($"/accounts/users/{session.Handle}/")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Someone else may take the handle, and the address can sign up again (as a new, empty account).
        var other = await factory.SignUpAsync();
        var renamed = await factory.Client().WithBearer(other.Access)
            .PatchAsJsonAsync($"/accounts/users/{other.Handle}/", new { handle = session.Handle });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var again = await factory.Client().RegisterAsync(session.Email);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_content_and_corrects_everyone_elses_counters()
    {
        var session = await factory.SignUpAsync();
        var victimId = (await factory.FindUserByEmailAsync(session.Email)).Id;
        var author = await factory.CreateUserAsync();
        var fan = await factory.CreateUserAsync();
        var now = DateTimeOffset.UtcNow;
        Guid authorsPost, victimsPost, victimsComment, replyUnderVictim, authorsComment, victimsReply, victimsProduct, message;
        await using (var db = factory.CreateDbContext())
        {
            var postByAuthor = new Post { Id = Guid.CreateVersion7(), AuthorId = author.Id, Text = "귤 수확", CreatedAt = now, UpdatedAt = now, LikesCount = 2, CommentsCount = 4 };
            var postByVictim = new Post { Id = Guid.CreateVersion7(), AuthorId = victimId, Text = "내 글", CreatedAt = now, UpdatedAt = now };
            db.Posts.AddRange(postByAuthor, postByVictim);
            var c1 = new Comment { Id = Guid.CreateVersion7(), PostId = postByAuthor.Id, AuthorId = victimId, Content = "좋아요", CreatedAt = now, UpdatedAt = now, RepliesCount = 1 };
            var r1 = new Comment { Id = Guid.CreateVersion7(), PostId = postByAuthor.Id, AuthorId = fan.Id, ParentId = c1.Id, Content = "동의", CreatedAt = now, UpdatedAt = now };
            var c2 = new Comment { Id = Guid.CreateVersion7(), PostId = postByAuthor.Id, AuthorId = author.Id, Content = "감사", CreatedAt = now, UpdatedAt = now, RepliesCount = 1, LikesCount = 1 };
            var r2 = new Comment { Id = Guid.CreateVersion7(), PostId = postByAuthor.Id, AuthorId = victimId, ParentId = c2.Id, Content = "천만에요", CreatedAt = now, UpdatedAt = now };
            db.Comments.AddRange(c1, r1, c2, r2);
            db.PostLikes.AddRange(new PostLike { UserId = victimId, PostId = postByAuthor.Id, CreatedAt = now }, new PostLike { UserId = fan.Id, PostId = postByAuthor.Id, CreatedAt = now });
            db.CommentLikes.Add(new CommentLike { UserId = victimId, CommentId = c2.Id, CreatedAt = now });
            db.Follows.AddRange(new Follow { FollowerId = victimId, FolloweeId = author.Id, CreatedAt = now }, new Follow { FollowerId = fan.Id, FolloweeId = victimId, CreatedAt = now });
            var product = new Product { Id = Guid.CreateVersion7(), OwnerId = victimId, Name = "노지 감귤 5kg", Price = 25000m, ExternalUrl = "https://store.example.test/p/1", CreatedAt = now, UpdatedAt = now };
            db.Products.Add(product);
            var room = new ChatRoom { Id = Guid.CreateVersion7(), Kind = ChatRoomKind.Group, Name = "농부들", OwnerId = victimId, CreatedAt = now, UpdatedAt = now };
            db.ChatRooms.Add(room);
            var chat = new ChatMessage { Id = Guid.CreateVersion7(), RoomId = room.Id, SenderId = victimId, Text = "안녕하세요", CreatedAt = now };
            db.ChatMessages.Add(chat);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == author.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowersCount, 1));
            await db.Users.Where(u => u.Id == fan.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowsCount, 1));
            (authorsPost, victimsPost, victimsComment, replyUnderVictim, authorsComment, victimsReply, victimsProduct, message) =
                (postByAuthor.Id, postByVictim.Id, c1.Id, r1.Id, c2.Id, r2.Id, product.Id, chat.Id);
        }

        var deleted = await factory.Client().WithBearer(session.Access).DeleteAsync($"/accounts/users/{session.Handle}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await using var check = factory.CreateDbContext();
        Assert.False(await check.Users.AnyAsync(u => u.Id == victimId));
        Assert.False(await check.Posts.AnyAsync(p => p.Id == victimsPost));
        Assert.False(await check.Products.AnyAsync(p => p.Id == victimsProduct));
        Assert.False(await check.Comments.AnyAsync(c => c.Id == victimsComment || c.Id == replyUnderVictim || c.Id == victimsReply));
        var post = await check.Posts.SingleAsync(p => p.Id == authorsPost);
        Assert.Equal(1, post.LikesCount);
        Assert.Equal(1, post.CommentsCount);
        var remaining = await check.Comments.SingleAsync(c => c.Id == authorsComment);
        Assert.Equal(0, remaining.RepliesCount);
        Assert.Equal(0, remaining.LikesCount);
        Assert.Equal(0, (await check.Users.SingleAsync(u => u.Id == author.Id)).FollowersCount);
        Assert.Equal(0, (await check.Users.SingleAsync(u => u.Id == fan.Id)).FollowsCount);
        Assert.False(await check.Follows.AnyAsync(f => f.FollowerId == victimId || f.FolloweeId == victimId));
        // Chat history keeps the message, without its sender.
        Assert.Null((await check.ChatMessages.SingleAsync(m => m.Id == message)).SenderId);

        var outbox = await check.Outbox.SingleAsync(o => o.Type == "user.deleted" && o.Key == victimId.ToString());
        var payload = JsonDocument.Parse(outbox.Payload).RootElement;
        Assert.Equal([victimsPost.ToString()], payload.GetProperty("post_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([victimsProduct.ToString()], payload.GetProperty("product_ids").EnumerateArray().Select(e => e.GetString()));
    }
}
