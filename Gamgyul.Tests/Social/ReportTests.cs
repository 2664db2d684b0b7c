using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class ReportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<Guid> ReportAsync(TestUser reporter, string type, Guid id, string reason = "abuse", string? detail = null) =>
        (await (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = type, target_id = id, reason, detail }))
            .ReadJsonAsync(HttpStatusCode.Created)).Uuid();

    private async Task<(Guid Room, Guid Message)> ChatMessageAsync(TestUser sender, params TestUser[] others)
    {
        await using var db = factory.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var room = new ChatRoom { Id = Guid.CreateVersion7(), Kind = ChatRoomKind.Group, CreatedAt = now, UpdatedAt = now };
        room.Members.AddRange(new[] { sender }.Concat(others).Select(u => new ChatMember { UserId = u.Id, JoinedAt = now }));
        var message = new ChatMessage { Id = Guid.CreateVersion7(), RoomId = room.Id, SenderId = sender.Id, Text = "scam link", CreatedAt = now };
        db.ChatRooms.Add(room);
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync();
        return (room.Id, message.Id);
    }

    [Fact]
    public async Task Users_comments_replies_products_and_chat_messages_can_be_reported()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var outsider = await factory.CreateUserAsync();
        var post = (await offender.CreatePostAsync("post")).Uuid();
        var comment = (await (await offender.Client.PostAsJsonAsync("/comments/", new { post, content = "rude" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var reply = (await (await offender.Client.PostAsJsonAsync("/comments/", new { post, content = "ruder", parent = comment })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var product = (await (await offender.Client.PostAsJsonAsync("/products/", new { name = "fake goods", price = 1, product_link = "https://scam.example.com/x" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var (_, message) = await ChatMessageAsync(offender, reporter);

        await ReportAsync(reporter, "user", offender.Id, "abuse");
        await ReportAsync(reporter, "comment", comment, "abuse");
        await ReportAsync(reporter, "reply", reply, "adult");
        await ReportAsync(reporter, "product", product, "fraud");
        await ReportAsync(reporter, "chat_message", message, "other", "asked for my password");

        // Not a member of the room: the message does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync("/reports/", new { target_type = "chat_message", target_id = message, reason = "spam" })).StatusCode);
        var mine = await reporter.Client.GetJsonAsync("/reports/mine/");
        Assert.Equal(["chat_message", "product", "comment", "comment", "user"], mine.Results().Select(r => r.GetProperty("target_type").GetString()));
        await using var db = factory.CreateDbContext();
        Assert.All(await db.Reports.Where(r => r.ReporterId == reporter.Id).ToListAsync(), r => Assert.Equal(offender.Id, r.TargetUserId));
        Assert.Equal(5, await db.Outbox.CountAsync(m => m.Type == "report.created" && db.Reports.Any(r => r.ReporterId == reporter.Id && r.Id.ToString() == m.Key)));
    }

    [Fact]
    public async Task One_open_report_per_target_and_no_reports_of_oneself()
    {
        var author = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = (await author.CreatePostAsync("questionable")).Uuid();
        var report = await ReportAsync(reporter, "post", post);

        Assert.Equal(HttpStatusCode.Conflict, (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = "post", target_id = post, reason = "spam" })).StatusCode);
        Assert.Contains("target_id", await (await author.Client.PostAsJsonAsync("/reports/", new { target_type = "post", target_id = post, reason = "spam" })).ValidationErrorFieldsAsync());
        Assert.Contains("target_id", await (await author.Client.PostAsJsonAsync("/reports/", new { target_type = "user", target_id = author.Id, reason = "spam" })).ValidationErrorFieldsAsync());

        await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = "post", target_id = post, reason = "spam" })).StatusCode);
        await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "rejected", admin_note = "fine" })).ExpectAsync(HttpStatusCode.OK);
        // Once handled, the same person may report it again.
        await ReportAsync(reporter, "post", post, "spam");
    }

    [Theory]
    [InlineData("""{"target_id": "00000000-0000-0000-0000-000000000001", "reason": "spam"}""", "target_type")]
    [InlineData("""{"target_type": "planet", "target_id": "00000000-0000-0000-0000-000000000001", "reason": "spam"}""", "target_type")]
    [InlineData("""{"target_type": "post", "reason": "spam"}""", "target_id")]
    [InlineData("""{"target_type": "post", "target_id": "nope", "reason": "spam"}""", "target_id")]
    [InlineData("""{"target_type": "post", "target_id": "00000000-0000-0000-0000-000000000001"}""", "reason")]
    [InlineData("""{"target_type": "post", "target_id": "00000000-0000-0000-0000-000000000001", "reason": "boring"}""", "reason")]
    [InlineData("""{"target_type": "post", "target_id": "00000000-0000-0000-0000-000000000001", "reason": "other"}""", "detail")]
    public async Task Create_refuses_bad_input(string body, string field)
    {
        var reporter = await factory.CreateUserAsync();

        var response = await reporter.Client.PostAsync("/reports/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Unknown_targets_are_404_and_anonymous_callers_401()
    {
        var reporter = await factory.CreateUserAsync();

        foreach (var type in new[] { "user", "post", "comment", "product", "chat_message" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = type, target_id = Guid.NewGuid(), reason = "spam" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/reports/", new { target_type = "user", target_id = reporter.Id, reason = "spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/reports/mine/")).StatusCode);
    }

    [Fact]
    public async Task Admin_routes_are_401_for_anonymous_and_403_for_users()
    {
        var user = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var report = await ReportAsync(user, "user", other.Id);
        var anonymous = factory.CreateClient();

        foreach (var url in new[] { "/reports/", $"/reports/{report}/", "/reports/stats/", "/reports/audit/" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ReportStatus.Pending, (await db.Reports.SingleAsync(r => r.Id == report)).Status);
    }

    [Fact]
    public async Task Invalid_transitions_are_409_and_bad_reviews_400()
    {
        var user = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var report = await ReportAsync(user, "user", other.Id);
        var url = $"/reports/{report}/";

        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PatchAsJsonAsync(url, new { status = "pending" })).StatusCode);
        Assert.Contains("action", await (await admin.Client.PatchAsJsonAsync(url, new { status = "in_review", action = "none" })).ValidationErrorFieldsAsync());
        Assert.Contains("status", await (await admin.Client.PatchAsJsonAsync(url, new { status = "done" })).ValidationErrorFieldsAsync());
        Assert.Contains("status", await (await admin.Client.PatchAsJsonAsync(url, new { })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PatchAsJsonAsync($"/reports/{Guid.NewGuid()}/", new { status = "in_review" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/reports/{Guid.NewGuid()}/")).StatusCode);

        await (await admin.Client.PatchAsJsonAsync(url, new { status = "in_review" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PatchAsJsonAsync(url, new { status = "in_review" })).StatusCode);
        Assert.Contains("action", await (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved", action = "hide_content" })).ValidationErrorFieldsAsync());
        Assert.Contains("suspend_days", await (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved", action = "suspend_user" })).ValidationErrorFieldsAsync());
        Assert.Contains("suspend_days", await (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved", action = "suspend_user", suspend_days = 0 })).ValidationErrorFieldsAsync());
        var noted = await (await admin.Client.PatchAsJsonAsync(url, new { admin_note = "looking" })).ReadJsonAsync();
        Assert.Equal("looking", noted.GetProperty("admin_note").GetString());
        Assert.Equal("in_review", noted.GetProperty("status").GetString());

        await (await admin.Client.PatchAsJsonAsync(url, new { status = "rejected" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PatchAsJsonAsync(url, new { status = "in_review" })).StatusCode);
    }

    [Fact]
    public async Task A_suspended_user_can_read_but_not_write()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = (await reporter.CreatePostAsync("someone's post")).Uuid();
        var ownPost = (await offender.CreatePostAsync("offender's post")).Uuid();
        var report = await ReportAsync(reporter, "user", offender.Id);
        await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).ExpectAsync(HttpStatusCode.OK);

        var resolved = await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "resolved", action = "suspend_user", suspend_days = 3 })).ReadJsonAsync();

        Assert.Equal("suspend_user", resolved.GetProperty("action").GetString());
        var writes = new[]
        {
            await offender.Client.PostAsJsonAsync("/posts/p/", new { text = "I'm back" }),
            await offender.Client.PatchAsJsonAsync($"/posts/p/{ownPost}/", new { text = "edit" }),
            await offender.Client.PostAsJsonAsync("/comments/", new { post, content = "hi" }),
            await offender.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post }),
            await offender.Client.PostAsJsonAsync("/follows/", new { handle = reporter.Handle }),
            await offender.Client.PostAsJsonAsync("/products/", new { name = "stuff", price = 1, product_link = "https://shop.example.com/s" }),
        };
        Assert.All(writes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var problem = await writes[0].ReadJsonAsync(HttpStatusCode.Forbidden);
        Assert.True(problem.GetProperty("suspended_until").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(2.9));
        await offender.Client.GetJsonAsync($"/posts/p/{post}/");
        await offender.Client.GetJsonAsync("/posts/latest/");
        await reporter.CreatePostAsync("others can still write");

        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "user.suspended" && e.TargetId == offender.Id && e.ReportId == report));
        Assert.True(await db.Outbox.AnyAsync(m => m.Type == "user.suspended" && m.Key == offender.Id.ToString()));
    }

    [Fact]
    public async Task Hidden_comments_and_products_disappear_for_others()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = (await reporter.CreatePostAsync("my post")).Uuid();
        var comment = (await (await offender.Client.PostAsJsonAsync("/comments/", new { post, content = "abusive" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var product = (await (await offender.Client.PostAsJsonAsync("/products/", new { name = "counterfeit", price = 1, product_link = "https://scam.example.com/c" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
        var (room, message) = await ChatMessageAsync(offender, reporter);

        foreach (var (type, id) in new[] { ("comment", comment), ("product", product), ("chat_message", message) })
        {
            var report = await ReportAsync(reporter, type, id);
            await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).ExpectAsync(HttpStatusCode.OK);
            await (await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "resolved", action = "hide_content" })).ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Empty((await reporter.Client.GetJsonAsync($"/comments/?uuid={post}")).Results());
        Assert.Empty((await reporter.Client.GetJsonAsync($"/posts/p/{post}/")).GetProperty("comments").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.GetAsync($"/comments/{comment}/")).StatusCode);
        Assert.Single((await offender.Client.GetJsonAsync($"/comments/?uuid={post}")).Results());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/products/{product}/")).StatusCode);
        Assert.DoesNotContain(product, await FeedTests.ReadAllAsync(reporter.Client, $"/products/?handle={offender.Handle}"));
        Assert.Equal("hidden", (await offender.Client.GetJsonAsync($"/products/{product}/")).GetProperty("status").GetString());
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContentStatus.Hidden, (await db.ChatMessages.SingleAsync(m => m.Id == message)).Status);
        Assert.True(await db.Outbox.AnyAsync(m => m.Type == "chat_message.hidden" && m.Key == room.ToString()));
        Assert.Equal(3, await db.AuditLog.CountAsync(e => e.Action.EndsWith(".hidden") && (e.TargetId == comment || e.TargetId == product || e.TargetId == message)));
    }

    [Fact]
    public async Task Queue_filters_validate_their_values()
    {
        var admin = await factory.CreateUserAsync(null, Roles.Admin);

        Assert.Contains("status", await (await admin.Client.GetAsync("/reports/?status=open")).ValidationErrorFieldsAsync());
        Assert.Contains("target_type", await (await admin.Client.GetAsync("/reports/?target_type=x")).ValidationErrorFieldsAsync());
        Assert.Contains("reason", await (await admin.Client.GetAsync("/reports/?reason=x")).ValidationErrorFieldsAsync());
        Assert.Contains("from", await (await admin.Client.GetAsync("/reports/?from=yesterday")).ValidationErrorFieldsAsync());
        Assert.Contains("from", await (await admin.Client.GetAsync("/reports/stats/?from=2026-02-01&to=2026-01-01")).ValidationErrorFieldsAsync());
        Assert.Contains("from", await (await admin.Client.GetAsync("/reports/stats/?from=2020-01-01&to=2026-01-01")).ValidationErrorFieldsAsync());
        Assert.Empty((await admin.Client.GetJsonAsync("/reports/?from=2001-01-01&to=2001-01-31")).Results());
        Assert.Contains("cursor", await (await admin.Client.GetAsync("/reports/?cursor=zz")).ValidationErrorFieldsAsync());
    }
}
