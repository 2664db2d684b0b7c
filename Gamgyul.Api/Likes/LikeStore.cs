using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Likes;

/// <summary>
/// Likes are unique per user and target in the database (the primary key). A like inserts on conflict do
/// nothing and moves the target's counter only when a row really appeared (or, for an unlike, really
/// went), in one transaction with the outbox event, so counters stay exact under any concurrency.
/// </summary>
internal static class LikeStore
{
    /// <summary>The new count, or null if the user already liked the target.</summary>
    public static Task<int?> LikeAsync(GamgyulDbContext db, LikeKind kind, Guid userId, Guid targetId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.InTransactionAsync(async token =>
        {
            var inserted = kind == LikeKind.Post
                ? await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO post_likes (user_id, post_id, created_at) VALUES ({userId}, {targetId}, {now}) ON CONFLICT DO NOTHING", token)
                : await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO comment_likes (user_id, comment_id, created_at) VALUES ({userId}, {targetId}, {now}) ON CONFLICT DO NOTHING", token);
            if (inserted == 0)
            {
                return (int?)null;
            }

            var count = await MoveCounterAsync(db, kind, targetId, +1, token);
            db.Outbox.Add(OutboxMessageFactory.Create(kind == LikeKind.Post ? OutboxEvents.PostLiked : OutboxEvents.CommentLiked,
                targetId.ToString(), new LikeEvent(userId, targetId, kind, now), now));
            await db.SaveChangesAsync(token);
            return count;
        }, cancellationToken);

    /// <summary>The new count, or null if the user had not liked the target.</summary>
    public static Task<int?> UnlikeAsync(GamgyulDbContext db, LikeKind kind, Guid userId, Guid targetId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.InTransactionAsync(async token =>
        {
            var deleted = kind == LikeKind.Post
                ? await db.PostLikes.Where(l => l.UserId == userId && l.PostId == targetId).ExecuteDeleteAsync(token)
                : await db.CommentLikes.Where(l => l.UserId == userId && l.CommentId == targetId).ExecuteDeleteAsync(token);
            if (deleted == 0)
            {
                return (int?)null;
            }

            var count = await MoveCounterAsync(db, kind, targetId, -1, token);
            db.Outbox.Add(OutboxMessageFactory.Create(kind == LikeKind.Post ? OutboxEvents.PostUnliked : OutboxEvents.CommentUnliked,
                targetId.ToString(), new LikeEvent(userId, targetId, kind, now), now));
            await db.SaveChangesAsync(token);
            return count;
        }, cancellationToken);

    private static async Task<int> MoveCounterAsync(GamgyulDbContext db, LikeKind kind, Guid targetId, int delta,
        CancellationToken cancellationToken)
    {
        // UPDATE ... RETURNING: the increment is atomic under the row lock and reports the new value.
        var counts = kind == LikeKind.Post
            ? await db.Database.SqlQuery<int>(
                $"UPDATE posts SET likes_count = likes_count + {delta} WHERE id = {targetId} RETURNING likes_count AS \"Value\"").ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<int>(
                $"UPDATE comments SET likes_count = likes_count + {delta} WHERE id = {targetId} RETURNING likes_count AS \"Value\"").ToListAsync(cancellationToken);
        return counts.FirstOrDefault();
    }
}
