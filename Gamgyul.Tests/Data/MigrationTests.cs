using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gamgyul.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        var services = await TestServices.GetAsync();
        await using var db = TestServices.CreateDbContext(await services.CreateEmptyDatabaseAsync());

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Contains("users", tables);
        Assert.Contains("posts", tables);
        Assert.Contains("chat_messages", tables);
        Assert.Contains("outbox_messages", tables);
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_committed_migrations()
    {
        var services = await TestServices.GetAsync();
        await using var db = TestServices.CreateDbContext(services.Postgres.ConnectionString);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration: run `dotnet ef migrations add <Name>` in Gamgyul.Data.");
    }

    [Fact]
    public async Task Hangul_text_is_matched_by_the_trigram_index_operators()
    {
        var services = await TestServices.GetAsync();
        await using var connection = new NpgsqlConnection(await services.CreateDatabaseAsync(nameof(MigrationTests)));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT similarity('제주 감귤 판매합니다', '감귤')", connection);

        var similarity = (float)(await command.ExecuteScalarAsync())!;

        // Under a non-UTF-8 locale pg_trgm ignores Hangul entirely and this would be 0.
        Assert.True(similarity > 0.1f, $"similarity was {similarity}");
    }
}
