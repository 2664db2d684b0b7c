using System.Net;
using System.Net.Sockets;
using Gamgyul.AppHost.Infrastructure;

namespace Gamgyul.Tests.AppHost;

public sealed class LocalPrerequisitesTests : IDisposable
{
    private readonly AppHostArguments _arguments = AppHostArguments.Create("local");

    [Fact]
    public void A_busy_port_is_named_with_the_setting_that_moves_it()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var busy = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => LocalPrerequisites.Check(_arguments.LocalOptions() with { RedisPort = busy }));

        Assert.Contains($"Port {busy}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gamgyul:Local:RedisPort", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Gamgyul:Local:PostgresPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_redis_server_says_what_to_install()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => LocalPrerequisites.Check(_arguments.LocalOptions() with { RedisServer = "/nonexistent/redis-server" }));

        Assert.Contains("redis-server", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_postgres_programs_say_what_to_install()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => LocalPrerequisites.Check(_arguments.LocalOptions() with { PostgresBinDirectory = "/nonexistent/bin" }));

        Assert.Contains("initdb and postgres", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gamgyul:Local:PostgresBinDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_port_for_both_servers_is_refused()
    {
        var options = _arguments.LocalOptions();

        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => LocalPrerequisites.Check(options with { RedisPort = options.PostgresPort }));

        Assert.Contains("different ports", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _arguments.Dispose();
}
