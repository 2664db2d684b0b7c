using System.Net;
using System.Net.Sockets;
using Gamgyul.AppHost.Infrastructure;

namespace Gamgyul.Tests.AppHost;

/// <summary>
/// Command-line arguments for starting the AppHost in a test: local mode on ports free right now and a
/// throwaway data folder, so a test never collides with a developer's running system or its data.
/// </summary>
public sealed class AppHostArguments : IDisposable
{
    private AppHostArguments(string mode, string dataDirectory, int postgresPort, int redisPort, string[] extra)
    {
        DataDirectory = dataDirectory;
        PostgresPort = postgresPort;
        RedisPort = redisPort;
        Args =
        [
            $"--Gamgyul:Mode={mode}",
            $"--Gamgyul:Local:PostgresPort={postgresPort}",
            $"--Gamgyul:Local:RedisPort={redisPort}",
            $"--Gamgyul:Local:DataDirectory={dataDirectory}",
            .. extra,
        ];
    }

    public string DataDirectory { get; }
    public int PostgresPort { get; }
    public int RedisPort { get; }
    public string[] Args { get; }

    public static AppHostArguments Create(string mode, params string[] extra)
    {
        // Searchable by others: as root, postgres runs as the postgres user and must reach its folder.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "gamgyul-apphost-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var postgresPort = FreeLoopbackPort();
        int redisPort;
        do
        {
            redisPort = FreeLoopbackPort();
        }
        while (redisPort == postgresPort);
        return new AppHostArguments(mode, dataDirectory, postgresPort, redisPort, extra);
    }

    /// <summary>The local-mode settings these arguments give the AppHost.</summary>
    public LocalInfrastructureOptions LocalOptions() => new()
    {
        RepositoryRoot = RepositoryRoot(),
        PostgresPort = PostgresPort,
        RedisPort = RedisPort,
        DataDirectory = DataDirectory,
    };

    /// <summary>
    /// Runs the AppHost's own local-mode preflight. The AppHost prints its findings and exits, which the
    /// testing builder only reports as "the entry point exited", so tests ask first to fail with the reason.
    /// </summary>
    public void AssertLocalPrerequisites()
    {
        try
        {
            LocalPrerequisites.Check(LocalOptions());
        }
        catch (InfrastructureUnavailableException ex)
        {
            throw new Xunit.Sdk.XunitException(ex.Message);
        }
    }

    /// <summary>
    /// Waits until nothing listens on the Postgres and Redis ports any more: the orchestrator stops its
    /// processes shortly after the app, and deleting the data folder under a live server leaves debris.
    /// </summary>
    public async Task WaitForServersToStopAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && (await Listens(PostgresPort) || await Listens(RedisPort)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<bool> Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gamgyul.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Gamgyul.sln above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down can hold a file for a moment; the folder is in the temp dir anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
