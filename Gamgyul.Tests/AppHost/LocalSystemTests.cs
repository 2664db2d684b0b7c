using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gamgyul.Tests.AppHost;

/// <summary>Starts the real local-mode system through the AppHost and checks that it all comes up.</summary>
public sealed class LocalSystemTests(LocalSystemFixture fixture) : IClassFixture<LocalSystemFixture>
{
    [Fact]
    public async Task Api_answers_healthy_once_postgres_redis_and_the_migrations_are_done()
    {
        using var timeout = new CancellationTokenSource(LocalSystemFixture.StartTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);

        using var client = fixture.App.CreateHttpClient("api");
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token);

        Assert.True(response.IsSuccessStatusCode, $"GET /health answered {(int)response.StatusCode}");
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Theory]
    [InlineData("chatworker")]
    [InlineData("searchindexer")]
    public async Task Workers_become_healthy(string worker)
    {
        using var timeout = new CancellationTokenSource(LocalSystemFixture.StartTimeout);

        var healthy = await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(worker, timeout.Token);

        Assert.Equal(HealthStatus.Healthy, healthy.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task Migrations_run_to_completion_with_exit_code_zero()
    {
        using var timeout = new CancellationTokenSource(LocalSystemFixture.StartTimeout);

        var finished = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);

        Assert.Equal(KnownResourceStates.Finished, finished.Snapshot.State?.Text);
        Assert.Equal(0, finished.Snapshot.ExitCode);
    }

    [Fact]
    public async Task Redis_keeps_its_append_only_file_and_postgres_its_cluster_in_the_data_directory()
    {
        using var timeout = new CancellationTokenSource(LocalSystemFixture.StartTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("redis", timeout.Token);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);

        Assert.True(Directory.Exists(Path.Combine(fixture.Arguments.DataDirectory, "redis", "appendonlydir")),
            "redis-server should write its append-only file under <data>/redis");
        Assert.True(File.Exists(Path.Combine(fixture.Arguments.DataDirectory, "postgres", "PG_VERSION")),
            "postgres should keep its cluster under <data>/postgres");
    }
}
