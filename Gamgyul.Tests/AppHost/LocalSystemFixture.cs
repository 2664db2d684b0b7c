using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Gamgyul.Tests.AppHost;

/// <summary>
/// The whole system in local mode, started once for a test class (stopping an AppHost takes ~13 s):
/// postgres and redis-server from this machine on ports free at start, data in a throwaway folder.
/// </summary>
public sealed class LocalSystemFixture : IAsyncLifetime
{
    // Start-up is mostly initdb plus four `dotnet run` launches. On a 2-core machine shared with other
    // test runs (load average 20+) everything was healthy after 1.5-2 minutes; hence the margin.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private AppHostArguments? _arguments;

    public DistributedApplication App { get; private set; } = null!;

    public AppHostArguments Arguments => _arguments!;

    public async Task InitializeAsync()
    {
        _arguments = AppHostArguments.Create("local");
        // Missing postgres or redis-server must fail the tests with the reason, never skip them.
        _arguments.AssertLocalPrerequisites();

        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Gamgyul_AppHost>(
            _arguments.Args, timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (_arguments is not null)
        {
            await _arguments.WaitForServersToStopAsync(TimeSpan.FromSeconds(30));
            _arguments.Dispose();
        }
    }
}
