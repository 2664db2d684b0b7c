using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gamgyul.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GamgyulDbContext>
{
    public GamgyulDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql("Host=localhost;Database=gamgyul");
        options.UseGamgyulConventions();
        return new GamgyulDbContext(options.Options);
    }
}
