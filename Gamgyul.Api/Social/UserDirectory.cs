using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Social;

/// <summary>Finds active (not deleted) users by handle, the way Identity compares handles.</summary>
public sealed class UserDirectory(GamgyulDbContext db, ILookupNormalizer normalizer)
{
    public IQueryable<User> ByHandle(string handle)
    {
        var normalized = normalizer.NormalizeName(handle.Trim());
        return db.Users.Where(u => u.NormalizedUserName == normalized && u.DeletedAt == null);
    }

    public Task<Guid?> FindIdAsync(string handle, CancellationToken cancellationToken) =>
        ByHandle(handle).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
}
