using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// A throw-away redis-server on a free loopback port, or the server named by <c>GAMGYUL_TEST_REDIS</c>
/// (host:port) when that is set.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    /// <summary>Test classes each get their own logical database, so this many can run in one server.</summary>
    public const int DatabaseCount = 256;

    private readonly ExternalProcess? _process;

    private RedisServer(string endpoint, ExternalProcess? process)
    {
        Endpoint = endpoint;
        _process = process;
    }

    /// <summary>host:port of the server.</summary>
    public string Endpoint { get; }

    public static async Task<RedisServer> StartAsync(string runDirectory)
    {
        var external = Environment.GetEnvironmentVariable("GAMGYUL_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new RedisServer(external, null);
        }

        var program = SystemBinaries.RedisServer();
        var directory = Path.Combine(runDirectory, $"redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var process = ExternalProcess.Start(program,
        [
            "--port", port, "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no",
            "--databases", DatabaseCount.ToString(CultureInfo.InvariantCulture),
            "--pidfile", Path.Combine(directory, "redis.pid"),
        ]).StopWhenTestHostExits();

        var endpoint = $"127.0.0.1:{port}";
        await WaitUntilReadyAsync(endpoint, process);
        return new RedisServer(endpoint, process);
    }

    public void Dispose() => _process?.Dispose();

    private static async Task WaitUntilReadyAsync(string endpoint, ExternalProcess process)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited during start-up:\n{process.Output}");
            }

            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"{endpoint},connectTimeout=500");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
