using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging.Chat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

internal static class RoomHandlers
{
    private const int DefaultPageSize = 20;

    /// <summary>The caller's rooms, most recent activity first (a message, a rename, a member joining or leaving).</summary>
    public static async Task<IResult> ListAsync(ClaimsPrincipal user, HttpRequest request, GamgyulDbContext db,
        ChatRoomQueries queries, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, Math.Min(pageSize ?? DefaultPageSize, DefaultPageSize), DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var me = user.GetUserId();
        var rows = await db.ChatRooms
            .Where(r => r.Members.Any(m => m.UserId == me && m.LeftAt == null))
            .KeysetPage(page, r => r.UpdatedAt, r => r.Id)
            .Select(r => new { r.Id, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        var paged = rows.ToPage(page, request, r => new KeysetCursor(r.UpdatedAt, r.Id));
        var rooms = await queries.LoadAsync(me, paged.Results.Select(r => r.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new CursorPageResponse<RoomResponse>(paged.Next, paged.Previous, rooms));
    }

    public static async Task<IResult> GetAsync(Guid uuid, ClaimsPrincipal user, ChatRoomQueries queries,
        CancellationToken cancellationToken) =>
        await queries.GetAsync(user.GetUserId(), uuid, cancellationToken) is { } room
            ? TypedResults.Ok(room)
            : Problems.NotFound("Chat room not found.");

    /// <summary>
    /// One other handle and no name: the pair's direct room, created once and reused (201 when new, 200 when it
    /// existed). Otherwise a group room owned by the caller. Every invited user must accept chats from the caller.
    /// </summary>
    public static async Task<IResult> CreateAsync(CreateRoomRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        ChatUsers users, ChatAccess access, ChatRoomQueries queries, ChatNotifier notifier, MessageIdGenerator ids,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var (others, unknown) = await users.ResolveAsync(request.Handles!, cancellationToken);
        if (unknown.Count > 0)
        {
            return Problems.Invalid("handles", $"Unknown or unavailable handle: {string.Join(", ", unknown)}.");
        }

        if (others.Any(u => u.Id == me))
        {
            return Problems.Invalid("handles", "Do not list yourself; you are always a member of rooms you create.");
        }

        foreach (var other in others)
        {
            if (await access.RefusalAsync(me, other.Id, other.Handle, cancellationToken) is { } refusal)
            {
                return Problems.Forbidden(refusal);
            }
        }

        var now = clock.GetUtcNow();
        if (others.Count == 1 && string.IsNullOrWhiteSpace(request.Name))
        {
            var (roomId, created, rejoined) = await OpenDirectRoomAsync(db, me, others[0].Id, now, cancellationToken);
            if (created || rejoined.Count > 0)
            {
                await notifier.RoomChangedAsync(roomId, "updated", [me, others[0].Id], now, [], cancellationToken);
            }

            var direct = await queries.GetAsync(me, roomId, cancellationToken);
            return created ? TypedResults.Created($"/chats/rooms/{roomId}/", direct) : TypedResults.Ok(direct);
        }

        var myHandle = await users.HandleOfAsync(me, cancellationToken);
        var room = new ChatRoom
        {
            Id = Guid.CreateVersion7(),
            Kind = ChatRoomKind.Group,
            Name = request.Name?.Trim() ?? string.Empty,
            OwnerId = me,
            CreatedAt = now,
            UpdatedAt = now,
            Members = [new ChatMember { UserId = me, Role = ChatMemberRole.Owner, JoinedAt = now }],
        };
        room.Members.AddRange(others.Select(o => new ChatMember { UserId = o.Id, Role = ChatMemberRole.Member, JoinedAt = now }));
        var system = new List<ChatMessage>();
        foreach (var member in new[] { myHandle }.Concat(others.Select(o => o.Handle)))
        {
            SystemMessages.Add(system, room, SystemMessages.Joined(member), ids);
        }

        db.ChatRooms.Add(room);
        db.ChatMessages.AddRange(system);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.RoomChangedAsync(room.Id, "updated", room.Members.Select(m => m.UserId), now,
            system.Select(SystemMessages.ToEvent), cancellationToken);
        return TypedResults.Created($"/chats/rooms/{room.Id}/", await queries.GetAsync(me, room.Id, cancellationToken));
    }

    /// <summary>Finds or creates the pair's direct room; a member who had left it is brought back.</summary>
    private static async Task<(Guid RoomId, bool Created, List<Guid> Rejoined)> OpenDirectRoomAsync(GamgyulDbContext db,
        Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = ChatAccess.DirectKey(me, other);
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.ChatRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.DirectKey == key, cancellationToken);
            if (existing is not null)
            {
                var rejoined = new List<Guid>();
                foreach (var id in new[] { me, other })
                {
                    var member = existing.Members.FirstOrDefault(m => m.UserId == id);
                    if (member is null)
                    {
                        existing.Members.Add(new ChatMember { RoomId = existing.Id, UserId = id, JoinedAt = now });
                        rejoined.Add(id);
                    }
                    else if (member.LeftAt is not null)
                    {
                        (member.LeftAt, member.JoinedAt, member.LastReadAt, member.LastReadMessageId) = (null, now, null, null);
                        rejoined.Add(id);
                    }
                }

                if (rejoined.Count > 0)
                {
                    existing.UpdatedAt = now;
                    await db.SaveChangesAsync(cancellationToken);
                }

                return (existing.Id, false, rejoined);
            }

            var room = new ChatRoom
            {
                Id = Guid.CreateVersion7(),
                Kind = ChatRoomKind.Direct,
                DirectKey = key,
                CreatedAt = now,
                UpdatedAt = now,
                Members =
                [
                    new ChatMember { UserId = me, Role = ChatMemberRole.Member, JoinedAt = now },
                    new ChatMember { UserId = other, Role = ChatMemberRole.Member, JoinedAt = now },
                ],
            };
            db.ChatRooms.Add(room);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (room.Id, true, []);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt == 0)
            {
                // Both users opened the room at the same moment: use the one that won.
            }
        }
    }
}
