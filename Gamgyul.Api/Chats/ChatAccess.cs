using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>Who may start a chat with whom: blocks (either way) and each user's <see cref="ChatPermission"/>.</summary>
public sealed class ChatAccess(GamgyulDbContext db)
{
    /// <summary>Why <paramref name="me"/> may not bring <paramref name="target"/> into a chat, or null when allowed.</summary>
    public async Task<string?> RefusalAsync(Guid me, Guid target, string targetHandle, CancellationToken cancellationToken)
    {
        if (await IsBlockedEitherWayAsync(me, target, cancellationToken))
        {
            return $"You cannot chat with {targetHandle}: one of you has blocked the other.";
        }

        var permission = await db.ChatSettings.Where(s => s.UserId == target)
            .Select(s => (ChatPermission?)s.WhoCanMessage).FirstOrDefaultAsync(cancellationToken) ?? ChatPermission.Everyone;
        return permission switch
        {
            ChatPermission.Nobody => $"{targetHandle} does not accept new chats.",
            ChatPermission.Followers when !await db.Follows.AnyAsync(f => f.FollowerId == me && f.FolloweeId == target, cancellationToken)
                => $"{targetHandle} accepts chats only from followers.",
            _ => null,
        };
    }

    public Task<bool> IsBlockedEitherWayAsync(Guid a, Guid b, CancellationToken cancellationToken) =>
        db.UserBlocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a), cancellationToken);

    /// <summary>The key that makes a pair's direct room unique: both ids, smaller first.</summary>
    public static string DirectKey(Guid a, Guid b) =>
        a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}
