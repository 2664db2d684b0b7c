using System.Net;
using System.Net.Http.Json;
using Gamgyul.Api.Accounts;
using Gamgyul.Tests.Accounts;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

/// <summary>
/// Reporting a user from their profile: the public profile carries the user's <c>uuid</c>, which is the
/// <c>target_id</c> of <c>POST /reports/</c> for <c>target_type=user</c>; the admin queue stays admins' only.
/// </summary>
public class UserReportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_public_profile_carries_the_uuid_that_reports_the_user()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);

        var profile = await reporter.Client.GetJsonAsync($"/accounts/users/{offender.Handle}/");
        Assert.Equal(offender.Id, profile.Uuid());
        // Anonymous visitors see the same public id (it is not a secret: report and content ids are public too).
        Assert.Equal(offender.Id, (await factory.Client().GetJsonAsync($"/accounts/users/{offender.Handle}/")).Uuid());

        var created = await (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = profile.Uuid(), reason = "abuse", detail = "insults in comments" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("user", created.GetProperty("target_type").GetString());

        var seen = await admin.Client.GetJsonAsync($"/reports/{created.Uuid()}/");
        Assert.Equal(offender.Id, seen.GetProperty("target_id").GetGuid());
        Assert.Equal(offender.Handle, seen.GetProperty("target_user").GetProperty("handle").GetString());
        Assert.Equal(reporter.Handle, seen.GetProperty("reporter").GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Bad_user_targets_are_refused_and_change_nothing()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();

        // A handle is not an id: the Api wants the uuid from the profile.
        Assert.Contains("target_id", await (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = offender.Handle, reason = "spam" })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = Guid.NewGuid(), reason = "spam" })).StatusCode);
        Assert.Contains("target_id", await (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = reporter.Id, reason = "spam" })).ValidationErrorFieldsAsync());
        Assert.Contains("detail", await (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = offender.Id, reason = "other" })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client().PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = offender.Id, reason = "spam" })).StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Reports.AnyAsync(r => r.ReporterId == reporter.Id || r.TargetUserId == offender.Id));
    }

    [Fact]
    public async Task Only_admins_read_and_review_the_queue_and_a_wrong_move_is_a_409_problem()
    {
        var offender = await factory.CreateUserAsync();
        var reporter = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var report = (await (await reporter.Client.PostAsJsonAsync("/reports/",
            new { target_type = "user", target_id = offender.Id, reason = "spam" })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();

        foreach (var user in new[] { reporter, offender })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync("/reports/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"/reports/{report}/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync("/reports/stats/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "in_review" })).StatusCode);
        }

        // The web client shows this problem's detail to the admin as it is.
        var skipped = await admin.Client.PatchAsJsonAsync($"/reports/{report}/", new { status = "resolved", action = "none" });
        var problem = await skipped.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("pending", problem.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", skipped.Content.Headers.ContentType?.MediaType);

        var unchanged = await admin.Client.GetJsonAsync($"/reports/{report}/");
        Assert.Equal("pending", unchanged.GetProperty("status").GetString());
    }
}
