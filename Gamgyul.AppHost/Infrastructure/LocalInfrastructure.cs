using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Gamgyul.AppHost.Infrastructure;

/// <summary>
/// Local mode: the machine's own postgres and redis-server run as executables on fixed loopback ports, with
/// their data under <see cref="LocalInfrastructureOptions.DataDirectory"/> so that a second run keeps it.
/// Redis Streams carry the bus, a Postgres table is the vector index and the file system stores media.
/// </summary>
public static class LocalInfrastructure
{
    public const string PostgresResourceName = "postgres";
    public const string RedisResourceName = "redis";
    public const string PostgresHealthCheckName = "postgres-accepts-connections";
    public const string RedisHealthCheckName = "redis-accepts-connections";

    // Loopback by address, not "localhost": the servers listen on IPv4 loopback only.
    private const string Host = "127.0.0.1";

    public static GamgyulInfrastructure AddLocalInfrastructure(
        this IDistributedApplicationBuilder builder, LocalInfrastructureOptions options)
    {
        var programs = LocalPrerequisites.Check(options);

        var postgres = builder.AddPostgresExecutable(options, programs);
        var redis = builder.AddRedisExecutable(options, programs);

        var database = builder.AddConnectionString(ServiceSettings.DatabaseConnectionName, ReferenceExpression.Create(
                $"Host={Host};Port={Port(options.PostgresPort)};Username=postgres;Database={ServiceSettings.DatabaseName}"))
            .WithParentRelationship(postgres);
        var cache = builder.AddConnectionString(ServiceSettings.CacheConnectionName,
                ReferenceExpression.Create($"{Host}:{Port(options.RedisPort)}"))
            .WithParentRelationship(redis);

        builder.Services.AddHealthChecks()
            .AddNpgSql(
                $"Host={Host};Port={Port(options.PostgresPort)};Username=postgres;Database=postgres;Pooling=false;Timeout=5",
                name: PostgresHealthCheckName)
            .AddRedis($"{Host}:{Port(options.RedisPort)}", name: RedisHealthCheckName);

        return new GamgyulInfrastructure(
            InfrastructureMode.Local,
            database,
            cache,
            DatabaseReady: postgres,
            ServiceDependencies: [redis],
            Settings:
            [
                new(ServiceSettings.BusProvider, InfrastructureExtensions.Literal("redis")),
                new(ServiceSettings.VectorIndexProvider, InfrastructureExtensions.Literal("postgres")),
                new(ServiceSettings.StorageProvider, InfrastructureExtensions.Literal("filesystem")),
                new(ServiceSettings.FileSystemRoot, InfrastructureExtensions.Literal(options.MediaDirectory)),
            ]);
    }

    private static IResourceBuilder<ExecutableResource> AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, LocalInfrastructureOptions options, LocalPrerequisites.Programs programs)
    {
        // bash runs the wrapper even where the executable bit got lost; the wrapper execs postgres,
        // so the orchestrator's SIGTERM reaches postgres itself (a clean "smart" shutdown).
        return builder.AddExecutable(PostgresResourceName, "bash", options.RepositoryRoot,
                options.PostgresScript, programs.PostgresBinDirectory, options.PostgresDataDirectory, Port(options.PostgresPort))
            .WithEndpoint(port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(PostgresHealthCheckName)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                Directory.CreateDirectory(options.DataDirectory);
                return Task.CompletedTask;
            });
    }

    private static IResourceBuilder<ExecutableResource> AddRedisExecutable(
        this IDistributedApplicationBuilder builder, LocalInfrastructureOptions options, LocalPrerequisites.Programs programs)
    {
        // Append-only file on: the Redis Streams bus must survive a restart with its pending entries.
        return builder.AddExecutable(RedisResourceName, programs.RedisServer, options.RepositoryRoot,
                "--port", Port(options.RedisPort),
                "--bind", Host,
                "--protected-mode", "yes",
                "--dir", options.RedisDataDirectory,
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--save", "")
            .WithEndpoint(port: options.RedisPort, targetPort: options.RedisPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(RedisHealthCheckName)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                Directory.CreateDirectory(options.RedisDataDirectory);
                Directory.CreateDirectory(options.MediaDirectory);
                return Task.CompletedTask;
            });
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
