using System.Diagnostics;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Platform;

/// <summary>
/// The servers the test run starts must not outlive a test host that is killed outright (no exit
/// handlers run then): the watchdog stops them.
/// </summary>
public class TestServerWatchdogTests
{
    [Fact]
    public async Task Server_stops_when_its_host_is_killed()
    {
        using var host = ExternalProcess.Start("sleep", ["300"]);
        using var server = ExternalProcess.Start("sleep", ["300"]).StopWhenProcessExits(host.Id);
        // The watchdog reads the server's executable first; give it a moment before the host dies.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Process.GetProcessById(host.Id).Kill();

        var deadline = Stopwatch.StartNew();
        while (!server.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        Assert.True(server.HasExited, "the server outlived its killed host");
    }

    [Fact]
    public async Task Server_keeps_running_while_its_host_lives()
    {
        using var host = ExternalProcess.Start("sleep", ["300"]);
        using var server = ExternalProcess.Start("sleep", ["300"]).StopWhenProcessExits(host.Id);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(server.HasExited);
    }
}
