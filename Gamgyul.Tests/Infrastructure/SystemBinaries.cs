namespace Gamgyul.Tests.Infrastructure;

/// <summary>Finds the PostgreSQL and Redis programs the tests run, or says exactly what to install.</summary>
internal static class SystemBinaries
{
    private const string InstallHint =
        "Run scripts/prereqs.sh (or: apt-get install postgresql postgresql-contrib redis-server).";

    public static string PostgresBinDirectory()
    {
        var directory = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return directory ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, postgres) were not found under /usr/lib/postgresql. {InstallHint}");
    }

    public static string RedisServer() =>
        FindOnPath("redis-server") ?? throw new InvalidOperationException($"redis-server was not found on PATH. {InstallHint}");

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    public static bool IsRoot => Environment.UserName == "root";
}
