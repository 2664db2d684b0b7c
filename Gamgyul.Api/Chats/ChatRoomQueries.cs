using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>Builds <see cref="RoomResponse"/>s for a member: a few set-based queries per page, never one per room.</summary>
internal sealed class ChatRoomQueries(GamgyulDbContext db, Media.MediaAttachments media)
{
    public Task<bool> IsMemberAsync(Guid roomId, Guid userId, CancellationToken cancellationToken) =>
        db.ChatMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId && m.LeftAt == null, cancellationToken);

    public async Task<RoomResponse?> GetAsync(Guid me, Guid roomId, CancellationToken cancellationToken) =>
        (await LoadAsync(me, [roomId], cancellationToken)).FirstOrDefault();

    /// <summary>The rooms among <paramref name="roomIds"/> that <paramref name="me"/> belongs to, in the given order.</summary>
    public async Task<List<RoomResponse>> LoadAsync(Guid me, IReadOnlyList<Guid> roomIds, CancellationToken cancellationToken)
    {
        var ids = roomIds.ToArray();
        var mine = await db.ChatMembers
            .Where(m => ids.Contains(m.RoomId) && m.UserId == me && m.LeftAt == null)
            .Select(m => new
            {
                m.RoomId,
                m.LastReadMessageId,
                Unread = db.ChatMessages.Count(msg => msg.RoomId == m.RoomId
                    && msg.SenderId != me
                    && msg.CreatedAt >= m.JoinedAt
                    && (m.LastReadAt == null
                        || EF.Functions.GreaterThan(ValueTuple.Create(msg.CreatedAt, msg.Id),
                            ValueTuple.Create(m.LastReadAt.Value, m.LastReadMessageId!.Value)))),
            })
            .ToDictionaryAsync(m => m.RoomId, cancellationToken);
        ids = ids.Where(mine.ContainsKey).ToArray();

        var rooms = await db.ChatRooms.Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.Kind,
                r.Name,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.UserName).FirstOrDefault(),
                r.CreatedAt,
                r.UpdatedAt,
                r.LastMessageId,
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var members = (await db.ChatMembers
                .Where(m => ids.Contains(m.RoomId) && m.LeftAt == null && m.User!.DeletedAt == null)
                .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .SelectExpanded(m => new { m.RoomId, Member = new RoomMemberResponse(UserSummaryResponse.From(m.User!), m.Role, m.JoinedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.RoomId, m => m.Member);

        var lastIds = rooms.Values.Where(r => r.LastMessageId is not null).Select(r => r.LastMessageId!.Value).ToArray();
        var lastMessages = (await (await ChatMessageQueries.Messages(db, db.ChatMessages.Where(m => lastIds.Contains(m.Id)))
                .ToListAsync(cancellationToken)).WithImagesAsync(media, cancellationToken))
            .ToDictionary(m => m.Id);

        return ids.Select(id =>
        {
            var room = rooms[id];
            var last = room.LastMessageId is { } lastId ? lastMessages.GetValueOrDefault(lastId) : null;
            return new RoomResponse(room.Id, room.Kind, room.Name, room.Owner, room.CreatedAt, room.UpdatedAt, last,
                last?.Text ?? string.Empty, mine[id].Unread, mine[id].LastReadMessageId, members[id].ToList());
        }).ToList();
    }
}
