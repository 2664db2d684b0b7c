using System.Net;
using System.Net.Http.Json;
using Gamgyul.Api.Accounts;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Social;

/// <summary>The whole moderation story on a database of its own, so the statistics are exact.</summary>
public class ReportWorkflowTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Report_review_hide_then_the_post_vanishes_for_others_and_stats_and_audit_have_it()
    {
        var author = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var bystander = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var post = (await author.CreatePostAsync("buy cheap followers #spam")).Uuid();
        var fine = (await author.CreatePostAsync("a normal post #spam")).Uuid();
        await (await bystander.Client.PostAsJsonAsync("/follows/", new { handle = author.Handle })).ExpectAsync(HttpStatusCode.Created);

        // 1. A user reports the post.
        var report = await (await reporter.Client.PostAsJsonAsync("/reports/", new { target_type = "post", target_id = post, reason = "spam", detail = "bot account" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", report.GetProperty("status").GetString());
        var url = $"/reports/{report.Uuid()}/";

        // 2. Admins find it in the queue and review it.
        var queue = await admin.Client.GetJsonAsync("/reports/?status=pending&target_type=post&reason=spam");
        var queued = Assert.Single(queue.Results());
        Assert.Equal(reporter.Handle, queued.GetProperty("reporter").GetProperty("handle").GetString());
        Assert.Equal(author.Handle, queued.GetProperty("target_user").GetProperty("handle").GetString());
        var reviewing = await (await admin.Client.PatchAsJsonAsync(url, new { status = "in_review" })).ReadJsonAsync();
        Assert.Equal("in_review", reviewing.GetProperty("status").GetString());
        Assert.Equal(admin.Handle, reviewing.GetProperty("handled_by").GetString());

        // 3. Resolved with the post hidden.
        var resolved = await (await admin.Client.PatchAsJsonAsync(url, new { status = "resolved", action = "hide_content", admin_note = "confirmed spam" })).ReadJsonAsync();
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("hide_content", resolved.GetProperty("action").GetString());

        // 4. The post is gone for everyone else, everywhere, and stays visible to its author and admins.
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/posts/p/{post}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.Client.GetAsync($"/posts/p/{post}/")).StatusCode);
        foreach (var list in new[] { "/posts/latest/", $"/posts/latest/{author.Handle}/", "/posts/p/?tags=spam", "/posts/p/?search=spam", "/posts/follows/" })
        {
            var ids = await FeedTests.ReadAllAsync(bystander.Client, list);
            Assert.DoesNotContain(post, ids);
            Assert.Contains(fine, ids);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await bystander.Client.GetAsync($"/comments/?uuid={post}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.Client.PostAsJsonAsync("/comments/", new { post, content = "hi" })).StatusCode);
        Assert.Equal("hidden", (await author.Client.GetJsonAsync($"/posts/p/{post}/")).GetProperty("status").GetString());
        Assert.Contains(post, await FeedTests.ReadAllAsync(author.Client, $"/posts/latest/{author.Handle}/"));
        Assert.Equal("hidden", (await admin.Client.GetJsonAsync($"/posts/p/{post}/")).GetProperty("status").GetString());

        // 5. The reporter sees the outcome, not the admins' note.
        var mine = Assert.Single((await reporter.Client.GetJsonAsync("/reports/mine/")).Results());
        Assert.Equal("resolved", mine.GetProperty("status").GetString());
        Assert.Equal("hide_content", mine.GetProperty("action").GetString());
        Assert.False(mine.TryGetProperty("admin_note", out _));

        // 6. The statistics count it.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var stats = await admin.Client.GetJsonAsync($"/reports/stats/?from={today}&to={today}");
        Assert.Equal(1, stats.GetProperty("total").GetInt32());
        Assert.Equal(1, stats.GetProperty("by_status").GetProperty("resolved").GetInt32());
        Assert.Equal(0, stats.GetProperty("by_status").GetProperty("pending").GetInt32());
        Assert.Equal(1, stats.GetProperty("by_target_type").GetProperty("post").GetInt32());
        Assert.Equal(1, stats.GetProperty("by_reason").GetProperty("spam").GetInt32());
        var day = Assert.Single(stats.GetProperty("per_day").EnumerateArray());
        Assert.Equal(today, day.GetProperty("date").GetString());
        Assert.Equal(1, day.GetProperty("created").GetInt32());
        Assert.Equal(1, day.GetProperty("closed").GetInt32());
        var month = await admin.Client.GetJsonAsync("/reports/stats/");
        Assert.Equal(30, month.GetProperty("per_day").GetArrayLength());
        Assert.Equal(1, month.GetProperty("total").GetInt32());

        // 7. The audit log has every admin action.
        var audit = await admin.Client.GetJsonAsync($"/reports/audit/?report={report.Uuid()}");
        var actions = audit.Results().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["post.hidden", "report.status_changed", "report.status_changed"], actions.Order());
        Assert.All(audit.Results(), e => Assert.Equal(admin.Handle, e.GetProperty("actor").GetString()));
        Assert.Contains(audit.Results(), e => e.GetProperty("details").TryGetProperty("to", out var to) && to.GetString() == "resolved");
    }
}
