using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

public class PasswordFlowTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "Hallabong-Season-2027";

    [Fact]
    public async Task Password_reset_works_end_to_end_through_the_mail_sink_and_the_link_works_once()
    {
        var session = await factory.SignUpAsync();

        var requested = await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = session.Email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var mail = await factory.WaitForMailAsync(session.Email);
        Assert.Contains("http://localhost:5173/password/reset/confirm?uid=", mail.TextBody);
        var (uid, token) = mail.ResetLink();

        var confirm = await factory.Client().PostAsJsonAsync("/accounts/password/reset/confirm/",
            new { uid, token, new_password1 = NewPassword, new_password2 = NewPassword });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email, NewPassword)).StatusCode);
        await (await factory.Client().LoginAsync(session.Email)).AssertProblemAsync(HttpStatusCode.BadRequest);

        // The same link a second time: refused, and the password stays.
        var again = await factory.Client().PostAsJsonAsync("/accounts/password/reset/confirm/",
            new { uid, token, new_password1 = "Another-Password-99", new_password2 = "Another-Password-99" });
        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "token");
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_reset_ends_every_session_of_the_user()
    {
        var session = await factory.SignUpAsync();
        await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = session.Email });
        var (uid, token) = (await factory.WaitForMailAsync(session.Email)).ResetLink();

        await factory.Client().PostAsJsonAsync("/accounts/password/reset/confirm/",
            new { uid, token, new_password1 = NewPassword, new_password2 = NewPassword });

        await (await factory.Client().WithBearer(session.Access).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Client().RefreshAsync(session.Refresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reset_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var known = await factory.SignUpAsync();
        var unknown = AccountsApi.NewEmail("nobody");

        var forKnown = await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = known.Email });
        var forUnknown = await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = unknown });

        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        await factory.WaitForMailAsync(known.Email);
        Assert.Empty(factory.MailTo(unknown));
    }

    [Fact]
    public async Task A_forged_token_or_unknown_uid_is_refused()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);

        var forged = await factory.Client().PostAsJsonAsync("/accounts/password/reset/confirm/",
            new { uid = user.Id.ToString("N"), token = "Zm9yZ2VkLXRva2Vu", new_password1 = NewPassword, new_password2 = NewPassword });
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "token");

        var unknownUid = await factory.Client().PostAsJsonAsync("/accounts/password/reset/confirm/",
            new { uid = Guid.NewGuid().ToString("N"), token = "Zm9yZ2VkLXRva2Vu", new_password1 = NewPassword, new_password2 = NewPassword });
        await unknownUid.AssertProblemAsync(HttpStatusCode.BadRequest, "uid");
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        var session = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(session.Access);

        var missing = await client.PostAsJsonAsync("/accounts/password/change/", new { new_password1 = NewPassword, new_password2 = NewPassword });
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "old_password");
        var wrong = await client.PostAsJsonAsync("/accounts/password/change/",
            new { old_password = "Not-My-Password-1", new_password1 = NewPassword, new_password2 = NewPassword });
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "old_password");

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_revokes_old_tokens_and_hands_out_new_ones()
    {
        var session = await factory.SignUpAsync();
        var otherDevice = Session.From(await (await factory.Client().LoginAsync(session.Email)).JsonAsync(), session.Email);

        var changed = await factory.Client().WithBearer(session.Access).PostAsJsonAsync("/accounts/password/change/",
            new { old_password = AccountsApi.Password, new_password1 = NewPassword, new_password2 = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal("New password has been saved.", body.GetProperty("detail").GetString());
        foreach (var old in new[] { session.Access, otherDevice.Access })
        {
            await (await factory.Client().WithBearer(old).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        foreach (var old in new[] { session.Refresh, otherDevice.Refresh })
        {
            await (await factory.Client().RefreshAsync(old)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().WithBearer(body.GetProperty("access").GetString()!).GetAsync("/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().RefreshAsync(body.GetProperty("refresh").GetString()!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_new_password_must_meet_the_policy()
    {
        var session = await factory.SignUpAsync();

        var weak = await factory.Client().WithBearer(session.Access).PostAsJsonAsync("/accounts/password/change/",
            new { old_password = AccountsApi.Password, new_password1 = "12345678", new_password2 = "12345678" });

        await weak.AssertProblemAsync(HttpStatusCode.BadRequest, "new_password1");
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(session.Email)).StatusCode);
    }
}
