using System.Net;
using System.Net.Http.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

public class UserProfileTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Changing_the_handle_keeps_the_user_signed_in_and_moves_the_profile()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(session.Access);
        var newHandle = "grove_" + Guid.NewGuid().ToString("N")[..8];

        var response = await client.PatchAsJsonAsync($"/accounts/users/{session.Handle}/", new { handle = newHandle });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(newHandle, (await response.JsonAsync()).GetProperty("handle").GetString());
        // Same access token, same refresh token: both still work.
        var me = await client.GetAsync("/accounts/me/");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(newHandle, (await me.JsonAsync()).GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().RefreshAsync(session.Refresh)).StatusCode);
        // The old handle is gone, the new one resolves.
        await (await factory.Client().GetAsync($"/accounts/users/{session.Handle}/")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync($"/accounts/users/{newHandle}/")).StatusCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("this_handle_is_much_too_long_for_us")]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("at@sign")]
    [InlineData("admin")]
    [InlineData("accounts")]
    [InlineData("api")]
    public async Task Invalid_or_reserved_handles_are_refused(string handle)
    {
        var session = await factory.SignUpAsync();

        var response = await factory.Client().WithBearer(session.Access)
            .PatchAsJsonAsync($"/accounts/users/{session.Handle}/", new { handle });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "handle");
        Assert.Equal(session.Handle, (await factory.FindUserByEmailAsync(session.Email)).UserName);
    }

    [Fact]
    public async Task A_handle_taken_by_someone_else_is_refused()
    {
        var first = await factory.SignUpAsync();
        var second = await factory.SignUpAsync();

        var response = await factory.Client().WithBearer(second.Access)
            .PatchAsJsonAsync($"/accounts/users/{second.Handle}/", new { handle = first.Handle });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "handle");
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_put_replaces_all()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(session.Access);

        var patched = await client.PatchAsJsonAsync($"/accounts/users/{session.Handle}/",
            new { profile = new { bio = "한라봉 키웁니다", link_1 = "https://store.example.test/jeju" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedBody = await patched.JsonAsync();
        var profile = patchedBody.GetProperty("profile");
        Assert.Equal("한라봉 키웁니다", profile.GetProperty("bio").GetString());
        Assert.Equal("https://store.example.test/jeju", profile.GetProperty("link_1").GetString());
        Assert.Equal("감귤농부", patchedBody.GetProperty("username").GetString());

        var put = await client.PutAsJsonAsync($"/accounts/users/{session.Handle}/",
            new { handle = session.Handle, username = "새 이름", profile = new { link_2 = "https://blog.example.test" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var replaced = await put.JsonAsync();
        Assert.Equal("새 이름", replaced.GetProperty("username").GetString());
        Assert.Equal("", replaced.GetProperty("profile").GetProperty("bio").GetString());
        Assert.Equal("", replaced.GetProperty("profile").GetProperty("link_1").GetString());
        Assert.Equal("https://blog.example.test", replaced.GetProperty("profile").GetProperty("link_2").GetString());
    }

    [Fact]
    public async Task Put_without_the_required_fields_is_400()
    {
        var session = await factory.SignUpAsync();

        var response = await factory.Client().WithBearer(session.Access)
            .PutAsJsonAsync($"/accounts/users/{session.Handle}/", new { username = "only this" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "handle");
    }

    [Fact]
    public async Task Invalid_profile_fields_are_400_with_field_errors()
    {
        var session = await factory.SignUpAsync();

        var response = await factory.Client().WithBearer(session.Access).PatchAsJsonAsync($"/accounts/users/{session.Handle}/",
            new { username = "   ", profile = new { bio = new string('귤', 501), link_1 = "javascript:alert(1)", profile_image = "not a url" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "username", "profile.bio", "profile.link_1", "profile.profile_image" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task The_owner_sees_email_and_roles_others_see_the_public_view_with_relations()
    {
        var owner = await factory.CreateUserAsync(roles: "admin");
        var viewer = await factory.CreateUserAsync();
        await using (var db = factory.CreateDbContext())
        {
            db.Follows.Add(new Follow { FollowerId = viewer.Id, FolloweeId = owner.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var own = await (await owner.Client.GetAsync($"/accounts/users/{owner.Handle}/")).JsonAsync();
        Assert.Equal(owner.Email, own.GetProperty("email").GetString());
        Assert.True(own.GetProperty("is_staff").GetBoolean());
        Assert.Contains("admin", own.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var seen = await (await viewer.Client.GetAsync($"/accounts/users/{owner.Handle}/")).JsonAsync();
        Assert.False(seen.TryGetProperty("email", out _));
        Assert.False(seen.TryGetProperty("roles", out _));
        Assert.True(seen.GetProperty("is_following").GetBoolean());
        Assert.False(seen.GetProperty("is_follower").GetBoolean());
        foreach (var key in new[] { "handle", "username", "profile", "created_at", "updated_at", "is_public", "follows_count", "followers_count" })
        {
            Assert.True(seen.TryGetProperty(key, out _), $"missing {key}");
        }

        var reverse = await (await owner.Client.GetAsync($"/accounts/users/{viewer.Handle}/")).JsonAsync();
        Assert.True(reverse.GetProperty("is_follower").GetBoolean());

        var anonymous = await (await factory.Client().GetAsync($"/accounts/users/{owner.Handle}/")).JsonAsync();
        Assert.False(anonymous.GetProperty("is_following").GetBoolean());
        Assert.False(anonymous.TryGetProperty("email", out _));
    }
}
