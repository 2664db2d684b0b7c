using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gamgyul.Data;

public static class DataServiceExtensions
{
    /// <summary>The connection-string name of the relational database in every mode.</summary>
    public const string ConnectionName = "db";

    /// <summary>
    /// How many distinct statements each connection keeps prepared. Feed and detail SQL costs PostgreSQL
    /// more to plan than to run, so preparing the statements a process repeats saves most of its database
    /// time. A connection string that sets <c>Max Auto Prepare</c> itself (0 turns it off, e.g. behind a
    /// pooler without prepared-statement support) wins.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Registers <see cref="GamgyulDbContext"/> through the Aspire Npgsql integration: pooling, retries,
    /// a health check and tracing come with it.
    /// </summary>
    public static IHostApplicationBuilder AddGamgyulData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<GamgyulDbContext>(ConnectionName,
            configureSettings: settings => settings.ConnectionString = WithStatementPreparation(settings.ConnectionString),
            configureDbContextOptions: options => options.UseGamgyulConventions());
        builder.Services.AddSingleton(DatabaseWrites.Instance);
        return builder;
    }

    /// <summary>Options every context instance needs, at run time and at design time alike.</summary>
    public static DbContextOptionsBuilder UseGamgyulConventions(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention().AddInterceptors(DatabaseWrites.Instance);

    /// <summary>The connection string with automatic statement preparation on, unless it says otherwise.</summary>
    public static string? WithStatementPreparation(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        // A plain builder holds only the keys the string really has (Npgsql's own would report all of them).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var alreadySet = given.Keys.Cast<string>().Any(key =>
            string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return alreadySet ? connectionString : $"{connectionString.TrimEnd(';')};Max Auto Prepare={DefaultMaxAutoPrepare}";
    }
}
