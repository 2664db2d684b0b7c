using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Gamgyul.Tests.Accounts;

public class GoogleLoginTests(GoogleApiFactory factory) : IClassFixture<GoogleApiFactory>
{
    private TestOpenIdProvider Provider => factory.Provider;

    [Fact]
    public async Task A_valid_id_token_creates_an_account_and_signs_in()
    {
        var email = AccountsApi.NewEmail("google");
        var idToken = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email, name: "김감귤"));

        var response = await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { id_token = idToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = Session.From(await response.JsonAsync(), email);
        Assert.Equal("김감귤", session.Body.GetProperty("user").GetProperty("username").GetString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("refresh_token=", StringComparison.Ordinal));
        var me = await (await factory.Client().WithBearer(session.Access).GetAsync("/accounts/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.False(me.GetProperty("has_password").GetBoolean());
        var user = await factory.FindUserByEmailAsync(email);
        Assert.True(user.EmailConfirmed);
        // The new account is announced to the search indexer like a password sign-up.
        await using var db = factory.CreateDbContext();
        var created = await db.Outbox.SingleAsync(m => m.Type == "user.created" && m.Key == user.Id.ToString());
        Assert.Equal("김감귤", System.Text.Json.JsonDocument.Parse(created.Payload).RootElement.GetProperty("username").GetString());
    }

    [Fact]
    public async Task The_same_google_account_signs_in_to_the_same_local_account()
    {
        var email = AccountsApi.NewEmail("google");
        var subject = "g-" + Guid.NewGuid();

        var first = Session.From(await (await factory.Client().PostAsJsonAsync("/accounts/google/login/",
            new { id_token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims(subject, email)) })).JsonAsync(), email);
        var second = Session.From(await (await factory.Client().PostAsJsonAsync("/accounts/google/login/",
            new { id_token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims(subject, email)) })).JsonAsync(), email);

        Assert.Equal(first.Handle, second.Handle);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
    }

    [Fact]
    public async Task An_authorization_code_is_redeemed_at_the_providers_token_endpoint()
    {
        var email = AccountsApi.NewEmail("google");
        var code = Provider.IssueCode(Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email)));
        var redeemedBefore = Provider.RedeemedCodes;

        var response = await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(redeemedBefore + 1, Provider.RedeemedCodes);
        Assert.Equal(email, (await response.JsonAsync()).GetProperty("user").GetProperty("email").GetString());

        // Codes are single-use at the provider, so a replay fails.
        await (await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { code }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "code");
    }

    [Fact]
    public async Task A_google_sign_in_links_to_the_existing_account_with_that_address()
    {
        var existing = await factory.SignUpAsync(AccountsApi.NewEmail("linked"));

        var response = await factory.Client().PostAsJsonAsync("/accounts/google/login/",
            new { id_token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), existing.Email)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(existing.Handle, (await response.JsonAsync()).GetProperty("user").GetProperty("handle").GetString());
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == existing.Handle);
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == "Google"));

        // The address was never proven by the password account, so whoever set that password is locked out
        // (a squatter); the owner signs in with Google and can set a password later.
        Assert.Null(user.PasswordHash);
        await (await factory.Client().LoginAsync(existing.Email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await factory.Client().RefreshAsync(existing.Refresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var email = AccountsApi.NewEmail("aud");
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email), audience: "someone-elses-client");

        await AssertRefusedAsync(token, email);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var email = AccountsApi.NewEmail("iss");
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email), issuer: "https://accounts.evil.example");

        await AssertRefusedAsync(token, email);
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_refused()
    {
        var email = AccountsApi.NewEmail("sig");
        using var impostor = RSA.Create(2048);
        // Same key id as the provider's real key, different key material.
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email),
            signWith: new RsaSecurityKey(impostor) { KeyId = Provider.SigningKey.KeyId });

        await AssertRefusedAsync(token, email);
    }

    [Fact]
    public async Task A_token_with_an_unverified_email_is_refused()
    {
        var email = AccountsApi.NewEmail("unverified");
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email, emailVerified: false));

        await AssertRefusedAsync(token, email);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var email = AccountsApi.NewEmail("expired");
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), email),
            expires: DateTimeOffset.UtcNow.AddMinutes(-10));

        await AssertRefusedAsync(token, email);
    }

    [Fact]
    public async Task An_unverified_google_address_does_not_take_over_an_existing_account()
    {
        var existing = await factory.SignUpAsync(AccountsApi.NewEmail("victim"));
        var token = Provider.CreateToken(TestOpenIdProvider.GoogleClaims("g-" + Guid.NewGuid(), existing.Email, emailVerified: false));

        await (await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { id_token = token }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().LoginAsync(existing.Email)).StatusCode);
    }

    [Fact]
    public async Task Neither_code_nor_id_token_is_a_400_with_field_errors()
    {
        var response = await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { access_token = "x" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "non_field_errors");
    }

    private async Task AssertRefusedAsync(string idToken, string email)
    {
        var usersBefore = await factory.CountUsersAsync();

        var response = await factory.Client().PostAsJsonAsync("/accounts/google/login/", new { id_token = idToken });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "id_token");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(usersBefore, await factory.CountUsersAsync());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
    }
}
