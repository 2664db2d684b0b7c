using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gamgyul.AppHost.Infrastructure;

/// <summary>Settings of local mode, read from <c>Gamgyul:Local:*</c>.</summary>
public sealed record LocalInfrastructureOptions
{
    public const string Section = "Gamgyul:Local";
    public const string PostgresPortKey = Section + ":PostgresPort";
    public const string RedisPortKey = Section + ":RedisPort";
    public const string DataDirectoryKey = Section + ":DataDirectory";
    public const string PostgresBinDirectoryKey = Section + ":PostgresBinDirectory";
    public const string RedisServerKey = Section + ":RedisServer";

    public const int DefaultPostgresPort = 15432;
    public const int DefaultRedisPort = 16379;

    /// <summary>The repository root (the AppHost's parent folder); scripts and the default data folder live there.</summary>
    public required string RepositoryRoot { get; init; }

    public required int PostgresPort { get; init; }
    public required int RedisPort { get; init; }

    /// <summary>Root of everything local mode keeps between runs (default <c>&lt;repo&gt;/.data</c>, git-ignored).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Folder holding initdb and postgres; null means "find the newest install".</summary>
    public string? PostgresBinDirectory { get; init; }

    /// <summary>The redis-server program; a bare name is looked up on PATH.</summary>
    public string RedisServer { get; init; } = "redis-server";

    public string PostgresDataDirectory => Path.Combine(DataDirectory, "postgres");
    public string RedisDataDirectory => Path.Combine(DataDirectory, "redis");
    public string MediaDirectory => Path.Combine(DataDirectory, "media");
    public string PostgresScript => Path.Combine(RepositoryRoot, "scripts", "local", "postgres.sh");

    public static LocalInfrastructureOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var dataDirectory = configuration[DataDirectoryKey];
        return new LocalInfrastructureOptions
        {
            RepositoryRoot = root,
            PostgresPort = ReadPort(configuration, PostgresPortKey, DefaultPostgresPort),
            RedisPort = ReadPort(configuration, RedisPortKey, DefaultRedisPort),
            DataDirectory = string.IsNullOrWhiteSpace(dataDirectory)
                ? Path.Combine(root, ".data")
                : Path.GetFullPath(dataDirectory, root),
            PostgresBinDirectory = NullIfBlank(configuration[PostgresBinDirectoryKey]),
            RedisServer = NullIfBlank(configuration[RedisServerKey]) ?? "redis-server",
        };
    }

    private static int ReadPort(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InfrastructureUnavailableException($"{key} must be a TCP port (1-65535); got '{text}'.");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
