using System.Net;
using Gamgyul.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

public class EntraIdTests(EntraIdApiFactory factory) : IClassFixture<EntraIdApiFactory>
{
    [Fact]
    public async Task Without_an_azure_ad_section_the_scheme_is_not_registered()
    {
        await using var plain = new ApiFactory();
        await plain.InitializeAsync();

        var schemes = plain.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetSchemeAsync("EntraId"));
        Assert.NotNull(await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("EntraId"));
    }

    [Fact]
    public async Task A_tenant_access_token_is_accepted_and_mapped_to_a_local_account_on_first_use()
    {
        var email = AccountsApi.NewEmail("entra");
        var objectId = Guid.NewGuid().ToString();
        var token = factory.AccessToken(objectId, email);

        var first = await factory.Client().WithBearer(token).GetAsync("/accounts/me/");
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstBody);
        var me = System.Text.Json.JsonDocument.Parse(firstBody).RootElement;
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("Entra Grower", me.GetProperty("username").GetString());

        var second = await (await factory.Client().WithBearer(factory.AccessToken(objectId, email)).GetAsync("/accounts/me")).JsonAsync();
        Assert.Equal(me.GetProperty("handle").GetString(), second.GetProperty("handle").GetString());
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        Assert.True(await db.UserLogins.AnyAsync(l => l.LoginProvider == "EntraId" && l.ProviderKey == $"{EntraIdApiFactory.TenantId}:{objectId}"));
    }

    [Fact]
    public async Task Gamgyul_tokens_keep_working_beside_the_second_scheme()
    {
        var session = await factory.SignUpAsync();

        Assert.Equal(HttpStatusCode.OK, (await factory.Client().WithBearer(session.Access).GetAsync("/accounts/me")).StatusCode);
    }

    [Fact]
    public async Task Tokens_of_another_tenant_or_for_another_audience_are_refused()
    {
        var otherTenant = Guid.NewGuid().ToString();
        var foreign = factory.AccessToken(Guid.NewGuid().ToString(), AccountsApi.NewEmail("foreign"), tenantId: otherTenant);
        var otherAudience = factory.AccessToken(Guid.NewGuid().ToString(), AccountsApi.NewEmail("aud"), audience: "another-api");
        var users = await factory.CountUsersAsync();

        await (await factory.Client().WithBearer(foreign).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Client().WithBearer(otherAudience).GetAsync("/accounts/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(users, await factory.CountUsersAsync());
    }
}
