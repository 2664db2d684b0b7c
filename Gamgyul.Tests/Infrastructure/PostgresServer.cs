using System.Diagnostics;
using Npgsql;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server on a free loopback port, or the server named by the
/// <c>GAMGYUL_TEST_POSTGRES</c> connection string when that is set.
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly ExternalProcess? _process;

    private PostgresServer(string connectionString, ExternalProcess? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    /// <summary>Connection string of the <c>postgres</c> maintenance database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(string runDirectory)
    {
        var external = Environment.GetEnvironmentVariable("GAMGYUL_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, null);
        }

        var bin = SystemBinaries.PostgresBinDirectory();
        var dataDirectory = Path.Combine(runDirectory, $"postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        await PrepareOwnershipAsync(dataDirectory);

        // C.UTF-8 rather than C: pg_trgm only treats Hangul as word characters under a UTF-8 locale.
        await RunToCompletionAsync(AsServiceUser(Path.Combine(bin, "initdb"),
            "-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));

        var port = FreePort.Next();
        var (program, arguments) = AsServiceUser(Path.Combine(bin, "postgres"),
            "-D", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-k", dataDirectory, "-c", "max_connections=400",
            // Durability is pointless for a throw-away test database; speed is not.
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        var process = ExternalProcess.Start(program, arguments).StopWhenTestHostExits();

        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await WaitUntilReadyAsync(connectionString, process);
        return new PostgresServer(connectionString, process);
    }

    public void Dispose() => _process?.Dispose();

    // postgres refuses to run as root, so a root test run drops to the postgres account.
    private static (string Program, string[] Arguments) AsServiceUser(string program, params string[] arguments) =>
        SystemBinaries.IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, .. arguments])
            : (program, arguments);

    private static async Task PrepareOwnershipAsync(string dataDirectory)
    {
        if (!SystemBinaries.IsRoot || OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(Path.GetDirectoryName(dataDirectory)!,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await RunToCompletionAsync(("chown", ["postgres:postgres", dataDirectory]));
    }

    private static async Task RunToCompletionAsync((string Program, string[] Arguments) command)
    {
        using var process = ExternalProcess.Start(command.Program, command.Arguments);
        var stopwatch = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"'{command.Program}' did not finish in 60 s:\n{process.Output}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilReadyAsync(string connectionString, ExternalProcess process)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited during start-up:\n{process.Output}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
