using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gamgyul.Tests.Accounts;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Platform;

/// <summary>CORS for the configured frontends only, and the request body limit, over real Kestrel.</summary>
public class HttpEdgeTests : IAsyncLifetime
{
    private const string Frontend = "https://app.gamgyul.test";
    private readonly ApiFactory _factory = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        _factory
            .WithSetting("Api:Cors:AllowedOrigins:0", Frontend)
            .WithSetting("Api:MaxRequestBodyBytes", "4096")
            // Kestrel enforces the body limit; the in-memory test server does not.
            .UseKestrel(0);
        _factory.StartServer();
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Theory]
    [InlineData(Frontend, true)]
    [InlineData("https://elsewhere.test", false)]
    public async Task Preflight_is_allowed_only_for_configured_origins(string origin, bool allowed)
    {
        using var client = _factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/accounts/login/");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");

        using var response = await client.SendAsync(preflight);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins);
        Assert.Equal(allowed ? [origin] : null, origins?.ToArray());
        if (allowed)
        {
            Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_problem_details_413_and_registers_nobody()
    {
        using var client = _factory.CreateClient();
        var email = AccountsEmail();
        var body = JsonSerializer.Serialize(new { email, username = "big", password = "Tangerine!2026", bio = new string('귤', 4000) });

        using var response = await client.PostAsync("/accounts/registration/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        await using var db = _factory.CreateDbContext();
        Assert.False(db.Users.Any(u => u.Email == email));
    }

    [Fact]
    public async Task A_body_under_the_limit_is_served()
    {
        using var client = _factory.CreateClient();

        using var response = await client.RegisterAsync(AccountsEmail());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string AccountsEmail() => $"edge-{Guid.NewGuid():N}@gamgyul.test";
}
