using System.Globalization;
using System.Net;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Platform;

/// <summary>
/// /health is Healthy only while both backing services answer: with either one pointed at a port where
/// nothing listens, it answers 503 Unhealthy (and the Api itself keeps serving), within the per-check time
/// limit rather than after the database client's minute of retries.
/// </summary>
public class HealthDependencyTests
{
    [Theory]
    [InlineData("ConnectionStrings:cache")]
    [InlineData("ConnectionStrings:db")]
    public async Task Health_is_unhealthy_when_a_backing_service_does_not_answer(string connectionSetting)
    {
        await using var factory = new ApiFactory();
        await ((Xunit.IAsyncLifetime)factory).InitializeAsync();
        factory.WithSetting(connectionSetting, DeadEndpoint(connectionSetting));
        using var client = factory.CreateClient();
        // A probe that takes longer than this is as good as dead to an orchestrator.
        client.Timeout = TimeSpan.FromSeconds(30);

        var health = await client.GetAsync("/health");
        var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    private static string DeadEndpoint(string connectionSetting)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        return connectionSetting.EndsWith("cache", StringComparison.Ordinal)
            ? $"127.0.0.1:{port},connectTimeout=2000"
            : $"Host=127.0.0.1;Port={port};Username=postgres;Database=gamgyul;Timeout=2";
    }
}
