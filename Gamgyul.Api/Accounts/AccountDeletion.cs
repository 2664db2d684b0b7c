using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Deletes an account at once and for good (no grace period), in one transaction:
/// <list type="bullet">
/// <item>the user row goes, and with it (database cascades) the user's posts and their comments and likes,
/// the user's comments and their replies, likes, follows, products, media records, chat memberships,
/// sign-in links, roles, refresh tokens and filed reports;</item>
/// <item>chat messages the user sent stay in their rooms without a sender, rooms the user owned lose their
/// owner, and reports about the user keep the report without the user;</item>
/// <item>the counters other rows keep of the removed rows (followers, likes, comments, replies) are
/// corrected first;</item>
/// <item>a <c>user.deleted</c> event names the removed posts, products and stored media for the search
/// index.</item>
/// </list>
/// After the commit, the stored objects of the user's media (originals and variants) are deleted from storage;
/// their rows went with the account, so no sweep would find them later. A failure there is logged and leaves
/// orphaned objects behind, never a half-deleted account.
/// The handle and the e-mail address are free again immediately, and the user's tokens stop working
/// (the access-token check finds no user; refresh tokens are gone).
/// </summary>
public sealed partial class AccountDeletion(GamgyulDbContext db, SecurityStampCache stamps, TimeProvider clock,
    IMediaStorage storage, ILogger<AccountDeletion> logger)
{
    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        List<string> storedObjects = [];
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CorrectCountersAsync(userId, cancellationToken);

            var now = clock.GetUtcNow();
            var media = await db.Media.AsNoTracking().Where(m => m.OwnerId == userId).ToListAsync(cancellationToken);
            var payload = new UserDeletedEvent(
                userId,
                await db.Posts.Where(p => p.AuthorId == userId).Select(p => p.Id).ToListAsync(cancellationToken),
                await db.Products.Where(p => p.OwnerId == userId).Select(p => p.Id).ToListAsync(cancellationToken),
                [.. media.Select(m => m.StorageKey)],
                now);
            db.Outbox.Add(OutboxMessageFactory.Create("user.deleted", userId.ToString(), payload, now));
            storedObjects = [.. media.SelectMany(m => m.Variants.Select(v => v.StorageKey).Prepend(m.StorageKey))];
            await db.SaveChangesAsync(cancellationToken);

            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await stamps.InvalidateAsync(userId);
        await DeleteStoredObjectsAsync(storedObjects);
    }

    private async Task DeleteStoredObjectsAsync(List<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                // Not the request's token: the account is gone, so its files go too even if the client hangs up.
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogObjectNotDeleted(logger, exception, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting stored object {Key} of a deleted account failed; it stays orphaned")]
    private static partial void LogObjectNotDeleted(ILogger logger, Exception exception, string key);

    private async Task CorrectCountersAsync(Guid userId, CancellationToken cancellationToken)
    {
        // People the user followed lose a follower; people who followed the user follow one fewer.
        await db.Users
            .Where(u => db.Follows.Any(f => f.FollowerId == userId && f.FolloweeId == u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowersCount, u => u.FollowersCount > 0 ? u.FollowersCount - 1 : 0),
                cancellationToken);
        await db.Users
            .Where(u => db.Follows.Any(f => f.FolloweeId == userId && f.FollowerId == u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowsCount, u => u.FollowsCount > 0 ? u.FollowsCount - 1 : 0),
                cancellationToken);

        // Likes the user gave to other people's posts and comments.
        await db.Posts
            .Where(p => p.AuthorId != userId && db.PostLikes.Any(l => l.UserId == userId && l.PostId == p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LikesCount, p => p.LikesCount > 0 ? p.LikesCount - 1 : 0),
                cancellationToken);
        await db.Comments
            .Where(c => c.AuthorId != userId && db.CommentLikes.Any(l => l.UserId == userId && l.CommentId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikesCount, c => c.LikesCount > 0 ? c.LikesCount - 1 : 0),
                cancellationToken);

        // Replies the user wrote under other people's comments.
        await db.Comments
            .Where(c => c.AuthorId != userId && db.Comments.Any(r => r.ParentId == c.Id && r.AuthorId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RepliesCount,
                c => Math.Max(0, c.RepliesCount - db.Comments.Count(r => r.ParentId == c.Id && r.AuthorId == userId))),
                cancellationToken);

        // Comment rows that disappear from other people's posts: the user's own, and the replies (by anyone)
        // under the user's comments, which cascade with them.
        await db.Posts
            .Where(p => p.AuthorId != userId && db.Comments.Any(c => c.PostId == p.Id && c.AuthorId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsCount,
                p => Math.Max(0, p.CommentsCount - db.Comments.Count(c => c.PostId == p.Id
                    && (c.AuthorId == userId || db.Comments.Any(parent => parent.Id == c.ParentId && parent.AuthorId == userId))))),
                cancellationToken);
    }
}
