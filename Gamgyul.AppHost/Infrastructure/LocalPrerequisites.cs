using System.Net;
using System.Net.Sockets;

namespace Gamgyul.AppHost.Infrastructure;

/// <summary>
/// Local mode's preflight: the programs it runs are installed and its ports are free. Run before the app
/// model is built, so a missing install or a busy port is a clear message instead of a hang.
/// </summary>
public static class LocalPrerequisites
{
    private const string InstallHint =
        "Run scripts/prereqs.sh, or install them yourself: sudo apt-get install postgresql postgresql-contrib redis-server";

    /// <summary>The programs local mode runs, resolved to absolute paths.</summary>
    public sealed record Programs(string PostgresBinDirectory, string RedisServer);

    /// <exception cref="InfrastructureUnavailableException">Something is missing or busy; the message lists all of it.</exception>
    public static Programs Check(LocalInfrastructureOptions options)
    {
        var problems = new List<string>();

        var postgresBin = FindPostgresBinDirectory(options.PostgresBinDirectory);
        if (postgresBin is null)
        {
            problems.Add(options.PostgresBinDirectory is null
                ? "PostgreSQL server programs (initdb, postgres) were not found under /usr/lib/postgresql/*/bin or on PATH. " +
                  $"{InstallHint}; or point {LocalInfrastructureOptions.PostgresBinDirectoryKey} at the folder that holds them."
                : $"{LocalInfrastructureOptions.PostgresBinDirectoryKey}='{options.PostgresBinDirectory}' does not hold initdb and postgres.");
        }

        var redisServer = FindProgram(options.RedisServer);
        if (redisServer is null)
        {
            problems.Add($"redis-server ('{options.RedisServer}') was not found. {InstallHint}; " +
                         $"or set {LocalInfrastructureOptions.RedisServerKey} to its path.");
        }

        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            // PostgreSQL refuses to run as root; the wrapper script drops to the postgres user with setpriv.
            if (FindProgram("setpriv") is null)
            {
                problems.Add("Running as root needs setpriv to start PostgreSQL as the 'postgres' user: sudo apt-get install util-linux");
            }

            if (!SystemUserExists("postgres"))
            {
                problems.Add("Running as root needs the 'postgres' system user, which the postgresql package creates: " + InstallHint);
            }
        }

        if (options.PostgresPort == options.RedisPort)
        {
            problems.Add($"{LocalInfrastructureOptions.PostgresPortKey} and {LocalInfrastructureOptions.RedisPortKey} are both {options.PostgresPort}; give them different ports.");
        }
        else
        {
            CheckPortFree(options.PostgresPort, LocalInfrastructureOptions.PostgresPortKey, "PostgreSQL", problems);
            CheckPortFree(options.RedisPort, LocalInfrastructureOptions.RedisPortKey, "Redis", problems);
        }

        if (problems.Count > 0)
        {
            throw new InfrastructureUnavailableException(
                "Gamgyul local mode cannot start:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        return new Programs(postgresBin!, redisServer!);
    }

    /// <summary>The given folder if it holds initdb and postgres; else the newest /usr/lib/postgresql/N/bin; else PATH.</summary>
    public static string? FindPostgresBinDirectory(string? configured)
    {
        if (configured is not null)
        {
            return HoldsPostgres(configured) ? Path.GetFullPath(configured) : null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var v) ? v : -1, Bin: Path.Combine(version, "bin")))
                .Where(candidate => HoldsPostgres(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var initdb = FindProgram("initdb");
        var directory = initdb is null ? null : Path.GetDirectoryName(ResolveLinks(initdb));
        return directory is not null && HoldsPostgres(directory) ? directory : null;
    }

    /// <summary>An absolute path to <paramref name="program"/> (a path, or a name looked up on PATH), or null.</summary>
    public static string? FindProgram(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutableFile(program) ? Path.GetFullPath(program) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(IsExecutableFile);
    }

    private static void CheckPortFree(int port, string key, string what, List<string> problems)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException)
        {
            problems.Add(
                $"Port {port} on 127.0.0.1 ({what}, {key}) is already in use. See what holds it with `ss -ltnp 'sport = :{port}'` " +
                "(a previous Gamgyul run may still be shutting down: its services stop up to ~25 s after the AppHost exits), " +
                $"or pick another port: scripts/run.sh --{key}=<port> " +
                $"(or dotnet run --project Gamgyul.AppHost -- --{key}=<port>, " +
                $"or the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}=<port>).");
        }
    }

    private static bool HoldsPostgres(string directory) =>
        IsExecutableFile(Path.Combine(directory, "initdb")) && IsExecutableFile(Path.Combine(directory, "postgres"));

    private static bool IsExecutableFile(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static string ResolveLinks(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    private static bool SystemUserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
}
