using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Bench.Social;

internal static class BenchDb
{
    /// <summary>A context configured like the Api's (snake_case names), without the Aspire plumbing.</summary>
    public static GamgyulDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(connectionString);
        builder.UseGamgyulConventions();
        return new GamgyulDbContext(builder.Options);
    }
}
