using System.Net;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

/// <summary>GET /accounts/google/config/ with Google pointed at the local OpenID provider.</summary>
public class GoogleConfigTests(GoogleApiFactory factory) : IClassFixture<GoogleApiFactory>
{
    [Fact]
    public async Task A_configured_server_tells_anyone_how_to_start_the_code_flow()
    {
        var response = await factory.Client().GetAsync("/accounts/google/config/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(TestOpenIdProvider.ClientId, body.GetProperty("client_id").GetString());
        // From the provider's discovery document, not a hard-coded Google address.
        Assert.Equal(factory.Provider.Issuer + "/authorize", body.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(TestOpenIdProvider.RedirectUri, body.GetProperty("redirect_uri").GetString());
        Assert.Equal("openid email profile", body.GetProperty("scope").GetString());
        // The secret never leaves the server.
        Assert.DoesNotContain(TestOpenIdProvider.ClientSecret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The same route on a server without Google sign-in: the client hides its button.</summary>
public class GoogleConfigUnconfiguredTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_unconfigured_server_answers_404()
    {
        var response = await factory.Client().GetAsync("/accounts/google/config/");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
