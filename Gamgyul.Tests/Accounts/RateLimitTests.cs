using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

/// <summary>The Api with small limits, so a test reaches them in a few requests.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    public RateLimitedApiFactory()
    {
        // Hour-long windows, so that no window boundary falls inside a test (the windows are fixed).
        WithSetting("RateLimits:Login:PermitLimit", "3");
        WithSetting("RateLimits:Login:WindowSeconds", "3600");
        WithSetting("RateLimits:Registration:PermitLimit", "2");
        WithSetting("RateLimits:Registration:WindowSeconds", "3600");
        WithSetting("RateLimits:PasswordReset:PermitLimit", "2");
        WithSetting("RateLimits:PasswordReset:WindowSeconds", "3600");
        WithSetting("RateLimits:TokenRefresh:PermitLimit", "2");
        WithSetting("RateLimits:TokenRefresh:WindowSeconds", "3600");
    }
}

public class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Login_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        var email = AccountsApi.NewEmail("limited");
        for (var i = 0; i < 3; i++)
        {
            await (await factory.Client().LoginAsync(email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var limited = await factory.Client().LoginAsync(email);

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
    }

    [Fact]
    public async Task Registrations_beyond_the_limit_get_429_and_create_nothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Client().RegisterAsync(AccountsApi.NewEmail())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.Client().RegisterAsync(AccountsApi.NewEmail())).StatusCode);
        var users = await factory.CountUsersAsync();

        var limited = await factory.Client().RegisterAsync(AccountsApi.NewEmail());

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(users, await factory.CountUsersAsync());
    }

    [Fact]
    public async Task Password_reset_requests_beyond_the_limit_get_429()
    {
        for (var i = 0; i < 2; i++)
        {
            var ok = await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = AccountsApi.NewEmail() });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var limited = await factory.Client().PostAsJsonAsync("/accounts/password/reset/", new { email = AccountsApi.NewEmail() });

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Token_refreshes_beyond_the_limit_get_429()
    {
        for (var i = 0; i < 2; i++)
        {
            await (await factory.Client().RefreshAsync("not-a-token-" + i)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var limited = await factory.Client().RefreshAsync("not-a-token");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task The_budget_is_shared_by_all_api_nodes_through_redis()
    {
        // Two independent Api hosts on the same database and Redis, with a budget of their own (another
        // window length than the other tests of this class, so another counter).
        await using var nodeA = new RateLimitedApiFactory();
        await nodeA.InitializeAsync();
        nodeA.WithSetting("RateLimits:Login:WindowSeconds", "7200");
        await using var nodeB = new RateLimitedApiFactory();
        nodeB.WithSetting("ConnectionStrings:db", nodeA.DatabaseConnectionString)
            .WithSetting("ConnectionStrings:cache", nodeA.RedisConnectionString)
            .WithSetting("RateLimits:Login:WindowSeconds", "7200");
        var email = AccountsApi.NewEmail("shared");

        await (await nodeA.Client().LoginAsync(email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await nodeA.Client().LoginAsync(email)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await nodeB.Client().LoginAsync(email)).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Node B has seen one request only; a per-process limiter would let this through.
        await (await nodeB.Client().LoginAsync(email)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
