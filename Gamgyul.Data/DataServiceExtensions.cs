using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Gamgyul.Data;

public static class DataServiceExtensions
{
    /// <summary>The connection-string name of the relational database in every mode.</summary>
    public const string ConnectionName = "db";

    /// <summary>
    /// Registers <see cref="GamgyulDbContext"/> through the Aspire Npgsql integration: pooling, retries,
    /// a health check and tracing come with it.
    /// </summary>
    public static IHostApplicationBuilder AddGamgyulData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<GamgyulDbContext>(ConnectionName,
            configureDbContextOptions: options => options.UseGamgyulConventions());
        return builder;
    }

    /// <summary>Options every context instance needs, at run time and at design time alike.</summary>
    public static DbContextOptionsBuilder UseGamgyulConventions(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention();
}
