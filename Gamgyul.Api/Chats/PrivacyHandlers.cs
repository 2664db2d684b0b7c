using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>Who may start a chat with the caller, and whom the caller blocks.</summary>
internal static class PrivacyHandlers
{
    public static async Task<IResult> GetSettingsAsync(ClaimsPrincipal user, GamgyulDbContext db, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var permission = await db.ChatSettings.Where(s => s.UserId == me)
            .Select(s => (ChatPermission?)s.WhoCanMessage).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new ChatSettingsResponse(permission ?? ChatPermission.Everyone));
    }

    public static async Task<IResult> PutSettingsAsync(ChatSettingsRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var permission = request.WhoCanMessage!.Value;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO chat_settings (user_id, who_can_message, updated_at) VALUES ({me}, {permission.ToString()}, {now})
            ON CONFLICT (user_id) DO UPDATE SET who_can_message = excluded.who_can_message, updated_at = excluded.updated_at
            """, cancellationToken);
        return TypedResults.Ok(new ChatSettingsResponse(permission));
    }

    public static async Task<IResult> ListBlocksAsync(ClaimsPrincipal user, GamgyulDbContext db, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var blocks = await db.UserBlocks.Where(b => b.BlockerId == me)
            .Join(db.Users.Where(u => u.DeletedAt == null), b => b.BlockedId, u => u.Id, (b, u) => new { b.CreatedAt, User = u })
            .OrderByDescending(x => x.CreatedAt)
            .SelectExpanded(x => new BlockResponse(UserSummaryResponse.From(x.User), x.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(blocks);
    }

    /// <summary>Blocks the user: neither can start a chat with the other, and their direct room stops carrying messages.</summary>
    public static async Task<IResult> BlockAsync(string handle, ClaimsPrincipal user, GamgyulDbContext db, UserDirectory users,
        ChatNotifier notifier, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        if (await users.FindIdAsync(handle, cancellationToken) is not { } target)
        {
            return Problems.NotFound("User not found.");
        }

        if (target == me)
        {
            return Problems.Invalid("handle", "You cannot block yourself.");
        }

        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES ({me}, {target}, {now}) ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted > 0)
        {
            await TellDirectRoomAsync(db, notifier, me, target, now, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<IResult> UnblockAsync(string handle, ClaimsPrincipal user, GamgyulDbContext db, UserDirectory users,
        ChatNotifier notifier, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        if (await users.FindIdAsync(handle, cancellationToken) is not { } target)
        {
            return Problems.NotFound("User not found.");
        }

        if (await db.UserBlocks.Where(b => b.BlockerId == me && b.BlockedId == target).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return Problems.NotFound("You are not blocking this user.");
        }

        await TellDirectRoomAsync(db, notifier, me, target, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    // Nodes cache whether a direct room is blocked; tell them to look again.
    private static async Task TellDirectRoomAsync(GamgyulDbContext db, ChatNotifier notifier, Guid me, Guid target,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = ChatAccess.DirectKey(me, target);
        if (await db.ChatRooms.Where(r => r.DirectKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken) is { } roomId)
        {
            await notifier.RoomChangedAsync(roomId, "updated", [me, target], now, [], cancellationToken);
        }
    }
}
