using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

public class AdminRoleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Admin_role_exists_in_a_freshly_migrated_database()
    {
        await using var db = factory.CreateDbContext();

        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == "ADMIN");

        Assert.NotNull(role);
        Assert.Equal(SystemRoles.AdminId, role.Id);
        Assert.Equal("admin", role.Name);
    }
}
