using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>Moves a member's last-read pointer; it only ever moves forward in history order.</summary>
internal static class ReadPointer
{
    public enum Outcome
    {
        NotMember,
        UnknownMessage,
        Moved,
        Unchanged,
    }

    public static async Task<Outcome> MoveAsync(GamgyulDbContext db, Guid roomId, Guid userId, Guid messageId,
        CancellationToken cancellationToken)
    {
        var member = await db.ChatMembers.FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId && m.LeftAt == null,
            cancellationToken);
        if (member is null)
        {
            return Outcome.NotMember;
        }

        var message = await db.ChatMessages.Where(m => m.Id == messageId && m.RoomId == roomId)
            .Select(m => new { m.Id, m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return Outcome.UnknownMessage;
        }

        // Ties on time are broken by id, as history orders them (Guid.CompareTo orders like Postgres' uuid).
        if (member.LastReadAt is { } at && member.LastReadMessageId is { } id
            && (message.CreatedAt < at || (message.CreatedAt == at && message.Id.CompareTo(id) <= 0)))
        {
            return Outcome.Unchanged;
        }

        // A conditional update, so two racing pointers cannot move it backwards.
        var moved = await db.ChatMembers
            .Where(m => m.RoomId == roomId && m.UserId == userId && m.LeftAt == null)
            .Where(m => m.LastReadAt == null || m.LastReadAt < message.CreatedAt
                || (m.LastReadAt == message.CreatedAt && EF.Functions.LessThan(
                    ValueTuple.Create(m.LastReadAt.Value, m.LastReadMessageId!.Value),
                    ValueTuple.Create(message.CreatedAt, message.Id))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastReadAt, message.CreatedAt)
                .SetProperty(m => m.LastReadMessageId, message.Id), cancellationToken);
        return moved > 0 ? Outcome.Moved : Outcome.Unchanged;
    }
}
