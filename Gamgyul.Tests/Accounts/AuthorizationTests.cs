using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Gamgyul.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gamgyul.Tests.Accounts;

public class AuthorizationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // The key ApiFactory configures; tests forge tokens with it to prove what the Api checks beyond the signature.
    private const string TestSigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task A_user_cannot_edit_or_delete_another_user()
    {
        var owner = await factory.SignUpAsync();
        var intruder = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(intruder.Access);

        var patch = await client.PatchAsJsonAsync($"/accounts/users/{owner.Handle}/", new { username = "hijacked" });
        await patch.AssertProblemAsync(HttpStatusCode.Forbidden);
        var put = await client.PutAsJsonAsync($"/accounts/users/{owner.Handle}/",
            new { handle = "hijacked_handle", username = "hijacked", profile = new { bio = "" } });
        await put.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/accounts/users/{owner.Handle}/")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await (await factory.Client().GetAsync($"/accounts/users/{owner.Handle}/")).JsonAsync();
        Assert.Equal("감귤농부", unchanged.GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().WithBearer(owner.Access).GetAsync("/accounts/me")).StatusCode);
    }

    [Fact]
    public async Task Editing_or_deleting_an_unknown_handle_is_404()
    {
        var caller = await factory.SignUpAsync();
        var client = factory.Client().WithBearer(caller.Access);

        await (await client.PatchAsJsonAsync("/accounts/users/no_such_grower/", new { username = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync("/accounts/users/no_such_grower/")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/accounts/users/Not-A-Handle/")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/accounts/me/")]
    [InlineData("GET", "/accounts/users/")]
    [InlineData("PATCH", "/accounts/users/someone/")]
    [InlineData("PUT", "/accounts/users/someone/")]
    [InlineData("DELETE", "/accounts/users/someone/")]
    [InlineData("POST", "/accounts/password/change/")]
    public async Task Anonymous_callers_get_401_on_protected_routes(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PATCH" or "PUT" or "POST")
        {
            request.Content = JsonContent.Create(new { username = "x", new_password1 = "a", new_password2 = "a" });
        }

        var response = await factory.Client().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);
        var expired = Forge(user.Id, user.SecurityStamp!, expires: DateTime.UtcNow.AddMinutes(-5));
        var fresh = Forge(user.Id, user.SecurityStamp!, expires: DateTime.UtcNow.AddMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().WithBearer(fresh).GetAsync("/accounts/me")).StatusCode);
        await (await factory.Client().WithBearer(expired).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var victim = await factory.SignUpAsync();
        var attacker = await factory.SignUpAsync();
        var victimId = (await factory.FindUserByEmailAsync(victim.Email)).Id;

        // Swap the subject in the attacker's own token, keeping the attacker's signature.
        var parts = attacker.Access.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var attackerId = (await factory.FindUserByEmailAsync(attacker.Email)).Id.ToString();
        var forgedPayload = Base64UrlEncoder.Encode(payload.Replace(attackerId, victimId.ToString(), StringComparison.Ordinal));
        var tampered = $"{parts[0]}.{forgedPayload}.{parts[2]}";

        await (await factory.Client().WithBearer(tampered).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var flippedSignature = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        await (await factory.Client().WithBearer(flippedSignature).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_for_another_audience_is_401()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);

        var otherKey = Forge(user.Id, user.SecurityStamp!, key: "another-signing-key-0123456789-abcdefghijklmnopqrstuvw");
        var otherAudience = Forge(user.Id, user.SecurityStamp!, audience: "some-other-api");

        await (await factory.Client().WithBearer(otherKey).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Client().WithBearer(otherAudience).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_correctly_signed_token_with_a_stale_security_stamp_is_401()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);

        var stale = Forge(user.Id, "not-the-current-stamp");

        await (await factory.Client().WithBearer(stale).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_token_subject_is_the_user_id_not_the_handle()
    {
        var session = await factory.SignUpAsync();
        var user = await factory.FindUserByEmailAsync(session.Email);

        var token = new JsonWebTokenHandler().ReadJsonWebToken(session.Access);

        Assert.Equal(user.Id.ToString(), token.Subject);
        Assert.DoesNotContain(token.Claims, c => c.Value == session.Handle);
    }

    private static string Forge(Guid userId, string stamp, DateTime? expires = null, string key = TestSigningKey, string audience = "gamgyul")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "gamgyul",
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("sstamp", stamp)]),
            IssuedAt = expiry.AddMinutes(-30),
            NotBefore = expiry.AddMinutes(-30),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
