using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

public class SessionLifecycleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Register_login_call_refresh_logout_and_the_revoked_refresh_token_is_refused()
    {
        var email = AccountsApi.NewEmail();
        var client = factory.Client();

        var registered = await client.RegisterAsync(email, username: "제주 감귤농장");
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var signUp = await registered.JsonAsync();
        Assert.False(string.IsNullOrEmpty(signUp.GetProperty("access").GetString()));
        Assert.False(string.IsNullOrEmpty(signUp.GetProperty("refresh").GetString()));
        var user = signUp.GetProperty("user");
        Assert.Equal("제주 감귤농장", user.GetProperty("username").GetString());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Matches("^[a-z0-9_.]{3,30}$", user.GetProperty("handle").GetString());
        Assert.Equal("", user.GetProperty("profile").GetProperty("link_1").GetString());

        var login = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = Session.From(await login.JsonAsync(), email);

        var me = await factory.Client().WithBearer(session.Access).GetAsync("/accounts/me/");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await me.JsonAsync()).GetProperty("email").GetString());

        var refreshed = await client.RefreshAsync(session.Refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var pair = await refreshed.JsonAsync();
        var newAccess = pair.GetProperty("access").GetString()!;
        var newRefresh = pair.GetProperty("refresh").GetString()!;
        Assert.NotEqual(session.Refresh, newRefresh);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().WithBearer(newAccess).GetAsync("/accounts/me")).StatusCode);

        var logout = await client.PostAsJsonAsync("/accounts/logout/", new { refresh = newRefresh });
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal("Successfully logged out.", (await logout.JsonAsync()).GetProperty("detail").GetString());
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("refresh_token=;", StringComparison.Ordinal));

        var afterLogout = await client.RefreshAsync(newRefresh);
        var problem = await afterLogout.AssertProblemAsync(HttpStatusCode.Unauthorized, "refresh");
        Assert.Equal("token_not_valid", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client();
        var first = session.Refresh;
        var second = (await (await client.RefreshAsync(first)).JsonAsync()).GetProperty("refresh").GetString()!;
        var third = (await (await client.RefreshAsync(second)).JsonAsync()).GetProperty("refresh").GetString()!;

        // Someone replays the first (already rotated) token: refused, and the family dies with it.
        await (await client.RefreshAsync(first)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.RefreshAsync(third)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // Other sign-ins of the same user are other families and keep working.
        var other = Session.From(await (await client.LoginAsync(session.Email)).JsonAsync(), session.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(other.Refresh)).StatusCode);
    }

    [Fact]
    public async Task Login_sets_an_http_only_lax_refresh_cookie_that_refresh_and_logout_read()
    {
        var session = await factory.SignUpAsync();
        var login = await factory.Client().LoginAsync(session.Email);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("refresh_token=", StringComparison.Ordinal));
        var refreshToken = (await login.JsonAsync()).GetProperty("refresh").GetString()!;
        Assert.StartsWith($"refresh_token={refreshToken};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/accounts", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here

        // A browser sends only the cookie.
        var refresh = new HttpRequestMessage(HttpMethod.Post, "/accounts/token/refresh/");
        refresh.Headers.Add("Cookie", $"refresh_token={refreshToken}");
        var refreshed = await factory.Client().SendAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var rotated = (await refreshed.JsonAsync()).GetProperty("refresh").GetString()!;
        Assert.Contains(refreshed.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"refresh_token={rotated};", StringComparison.Ordinal));

        var logout = new HttpRequestMessage(HttpMethod.Post, "/accounts/logout");
        logout.Headers.Add("Cookie", $"refresh_token={rotated}");
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().SendAsync(logout)).StatusCode);
        await (await factory.Client().RefreshAsync(rotated)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_without_any_token_is_401()
    {
        var response = await factory.Client().PostAsync("/accounts/token/refresh/", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "refresh");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        var session = await factory.SignUpAsync();

        var wrongPassword = await factory.Client().LoginAsync(session.Email, "Not-The-Password-1");
        var unknownEmail = await factory.Client().LoginAsync(AccountsApi.NewEmail("nobody"));

        var a = await wrongPassword.AssertProblemAsync(HttpStatusCode.BadRequest, "non_field_errors");
        var b = await unknownEmail.AssertProblemAsync(HttpStatusCode.BadRequest, "non_field_errors");
        Assert.Equal(a.GetProperty("errors").GetRawText(), b.GetProperty("errors").GetRawText());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var session = await factory.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await (await factory.Client().LoginAsync(session.Email, "Wrong-Password-" + i)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        await (await factory.Client().LoginAsync(session.Email)).AssertProblemAsync(HttpStatusCode.BadRequest, "non_field_errors");
        var user = await factory.FindUserByEmailAsync(session.Email);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Verify_accepts_current_access_and_refresh_tokens_and_refuses_others()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/accounts/token/verify/", new { token = session.Access })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/accounts/token/verify/", new { token = session.Refresh })).StatusCode);
        var bad = await client.PostAsJsonAsync("/accounts/token/verify/", new { token = session.Access[..^4] + "AAAA" });
        Assert.Equal("token_not_valid", (await bad.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);

        await using var db = factory.CreateDbContext();
        var stored = await db.RefreshTokens.Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(session.Refresh, stored);
        Assert.All(stored, hash => Assert.Matches("^[0-9a-f]{64}$", hash));
    }
}
