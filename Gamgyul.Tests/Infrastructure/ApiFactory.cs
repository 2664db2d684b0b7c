using Gamgyul.Api;
using Gamgyul.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// The real Api in process (WebApplicationFactory) on its own fresh database in the shared test PostgreSQL
/// server and its own logical database in the shared Redis server. Use it as a class fixture.
/// </summary>
public class ApiFactory : WebApplicationFactory<ApiEntryPoint>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Jwt:SigningKey"] = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        // Tests sign in far more often than people do; rate-limit tests lower these again.
        ["RateLimits:Login:PermitLimit"] = "100000",
        ["RateLimits:Registration:PermitLimit"] = "100000",
        ["RateLimits:TokenRefresh:PermitLimit"] = "100000",
        ["RateLimits:PasswordReset:PermitLimit"] = "100000",
    };

    public string DatabaseConnectionString { get; private set; } = string.Empty;
    public string RedisConnectionString { get; private set; } = string.Empty;

    /// <summary>Adds a configuration value for the Api; call before the first request.</summary>
    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        DatabaseConnectionString = await services.CreateDatabaseAsync(GetType().Name);
        RedisConnectionString = services.CreateRedisConnectionString();
    }

    /// <summary>A DbContext on this factory's database, for arranging and checking data directly.</summary>
    public GamgyulDbContext CreateDbContext() => TestServices.CreateDbContext(DatabaseConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{DataServiceExtensions.ConnectionName}", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:cache", RedisConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
