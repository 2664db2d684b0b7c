using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Follows;

/// <summary>
/// Adds and removes follow edges with both users' counters in the same transaction. The edge is written
/// first (insert-on-conflict or delete), and the counters move only if it really changed, so concurrent
/// duplicate or opposite requests leave the counters equal to the rows. Counter rows are always locked in
/// the same (id) order, so two users following each other at once cannot deadlock.
/// </summary>
internal static class FollowGraph
{
    public static Task<bool> AddAsync(GamgyulDbContext db, Guid follower, Guid followee, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.InTransactionAsync(async token =>
        {
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO follows (follower_id, followee_id, created_at) VALUES ({follower}, {followee}, {now})
                ON CONFLICT DO NOTHING
                """, token);
            if (inserted == 0)
            {
                return false;
            }

            await MoveCountersAsync(db, follower, followee, +1, token);
            db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.UserFollowed, followee.ToString(),
                new FollowEvent(follower, followee, now), now));
            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);

    public static Task<bool> RemoveAsync(GamgyulDbContext db, Guid follower, Guid followee, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.InTransactionAsync(async token =>
        {
            var deleted = await db.Follows
                .Where(f => f.FollowerId == follower && f.FolloweeId == followee)
                .ExecuteDeleteAsync(token);
            if (deleted == 0)
            {
                return false;
            }

            await MoveCountersAsync(db, follower, followee, -1, token);
            db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.UserUnfollowed, followee.ToString(),
                new FollowEvent(follower, followee, now), now));
            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);

    private static async Task MoveCountersAsync(GamgyulDbContext db, Guid follower, Guid followee, int delta,
        CancellationToken cancellationToken)
    {
        foreach (var id in new[] { follower, followee }.Order())
        {
            if (id == follower)
            {
                await db.Users.Where(u => u.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowsCount, u => u.FollowsCount + delta), cancellationToken);
            }
            else
            {
                await db.Users.Where(u => u.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowersCount, u => u.FollowersCount + delta), cancellationToken);
            }
        }
    }
}
