using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Users;

/// <summary>Which of some users the caller follows, and which of them follow the caller.</summary>
internal sealed record UserRelations(IReadOnlySet<Guid> Following, IReadOnlySet<Guid> Followers)
{
    public static readonly UserRelations None = new(new HashSet<Guid>(), new HashSet<Guid>());

    public static async Task<UserRelations> LoadAsync(GamgyulDbContext db, Guid caller, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return None;
        }

        var following = await db.Follows.AsNoTracking()
            .Where(f => f.FollowerId == caller && userIds.Contains(f.FolloweeId))
            .Select(f => f.FolloweeId).ToListAsync(cancellationToken);
        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.FolloweeId == caller && userIds.Contains(f.FollowerId))
            .Select(f => f.FollowerId).ToListAsync(cancellationToken);
        return new UserRelations(following.ToHashSet(), followers.ToHashSet());
    }
}
