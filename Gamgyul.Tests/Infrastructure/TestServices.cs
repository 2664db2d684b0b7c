using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL and Redis servers of one test run: started once, on first use, and stopped when the
/// test process exits. A migrated template database makes a fresh database per test class cheap.
/// </summary>
internal sealed class TestServices
{
    private const string TemplateDatabase = "gamgyul_template";
    private static readonly Lazy<Task<TestServices>> Shared = new(StartAsync);
    private static int _nextRedisDatabase;
    private readonly SemaphoreSlim _createDatabaseLock = new(1, 1);

    private TestServices(PostgresServer postgres, RedisServer redis)
    {
        Postgres = postgres;
        Redis = redis;
    }

    public PostgresServer Postgres { get; }
    public RedisServer Redis { get; }

    public static Task<TestServices> GetAsync() => Shared.Value;

    /// <summary>Creates an empty, fully migrated database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var label = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(28).ToArray());
        var name = $"t_{Guid.NewGuid():N}_{label}";
        await _createDatabaseLock.WaitAsync();
        try
        {
            await ExecuteAsync(Postgres.ConnectionString, $"""CREATE DATABASE "{name}" TEMPLATE {TemplateDatabase}""");
        }
        finally
        {
            _createDatabaseLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Creates a database with no schema at all (for migration tests).</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"t_empty_{Guid.NewGuid():N}";
        await ExecuteAsync(Postgres.ConnectionString, $"""CREATE DATABASE "{name}" """);
        return new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = name }.ToString();
    }

    /// <summary>A Redis connection string whose default database no other test class uses.</summary>
    public string CreateRedisConnectionString()
    {
        var database = Interlocked.Increment(ref _nextRedisDatabase) % RedisServer.DatabaseCount;
        return $"{Redis.Endpoint},defaultDatabase={database},allowAdmin=true";
    }

    private static async Task<TestServices> StartAsync()
    {
        var runDirectory = Environment.GetEnvironmentVariable("GAMGYUL_TEST_RUN_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), $"gamgyul-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(runDirectory);

        var postgres = await PostgresServer.StartAsync(runDirectory);
        var redis = await RedisServer.StartAsync(runDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            redis.Dispose();
            postgres.Dispose();
        };

        var services = new TestServices(postgres, redis);
        await services.CreateTemplateAsync();
        return services;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync(Postgres.ConnectionString, $"DROP DATABASE IF EXISTS {TemplateDatabase}");
        await ExecuteAsync(Postgres.ConnectionString, $"CREATE DATABASE {TemplateDatabase}");
        var templateConnection = new NpgsqlConnectionStringBuilder(Postgres.ConnectionString)
        {
            Database = TemplateDatabase,
            Pooling = false, // a template must have no open sessions when it is copied
        }.ToString();

        await using var db = CreateDbContext(templateConnection);
        await db.Database.MigrateAsync();
    }

    public static GamgyulDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(connectionString);
        options.UseGamgyulConventions();
        return new GamgyulDbContext(options.Options);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
