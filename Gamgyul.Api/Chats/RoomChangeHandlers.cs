using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Chats;

/// <summary>Changes to a room's name and members: every change is announced by a system message.</summary>
internal static class RoomChangeHandlers
{
    /// <summary>Owner only: rename, add and remove members. Non-members get 404, members who do not own it 403.</summary>
    public static async Task<IResult> UpdateAsync(Guid uuid, UpdateRoomRequest request, ClaimsPrincipal user,
        GamgyulDbContext db, ChatUsers users, ChatAccess access, ChatRoomQueries queries, ChatNotifier notifier,
        MessageIdGenerator ids, IOptions<ChatOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var room = await db.ChatRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.Id == uuid, cancellationToken);
        if (room is null || !room.Members.Any(m => m.UserId == me && m.LeftAt == null))
        {
            return Problems.NotFound("Chat room not found.");
        }

        if (room.Kind == ChatRoomKind.Direct)
        {
            return Problems.Forbidden("A direct room cannot be renamed or given other members; create a group room.");
        }

        if (room.OwnerId != me)
        {
            return Problems.Forbidden("Only the room's owner can change it.");
        }

        var active = room.Members.Where(m => m.LeftAt == null).Select(m => m.UserId).ToHashSet();
        var add = request.Add ?? [];
        var remove = request.Remove ?? [];
        if (request.Handles is { } wanted)
        {
            // The whole desired list (besides the owner): its difference with the current members.
            var (listed, unknownListed) = await users.ResolveAsync(wanted, cancellationToken);
            if (unknownListed.Count > 0)
            {
                return Problems.Invalid("handles", $"Unknown or unavailable handle: {string.Join(", ", unknownListed)}.");
            }

            var listedIds = listed.Select(u => u.Id).Append(me).ToHashSet();
            add = listed.Where(u => !active.Contains(u.Id)).Select(u => u.Handle).ToList();
            var gone = active.Where(id => !listedIds.Contains(id)).ToList();
            remove = await db.Users.Where(u => gone.Contains(u.Id)).Select(u => u.UserName!).ToListAsync(cancellationToken);
        }

        var (toAdd, unknownAdd) = await users.ResolveAsync(add, cancellationToken);
        var (toRemove, unknownRemove) = await users.ResolveAsync(remove, cancellationToken);
        if (unknownAdd.Count > 0)
        {
            return Problems.Invalid("add", $"Unknown or unavailable handle: {string.Join(", ", unknownAdd)}.");
        }

        if (unknownRemove.Count > 0 || toRemove.Any(u => !active.Contains(u.Id)))
        {
            return Problems.Invalid("remove", "Only current members can be removed.");
        }

        if (toRemove.Any(u => u.Id == me))
        {
            return Problems.Invalid("remove", "The owner leaves through DELETE /chats/members/{room}/.");
        }

        toAdd = toAdd.Where(u => !active.Contains(u.Id)).ToList();
        if (active.Count + toAdd.Count - toRemove.Count > options.Value.MaxRoomMembers)
        {
            return Problems.Invalid("add", $"A room has at most {options.Value.MaxRoomMembers} members.");
        }

        foreach (var target in toAdd)
        {
            if (await access.RefusalAsync(me, target.Id, target.Handle, cancellationToken) is { } refusal)
            {
                return Problems.Forbidden(refusal);
            }
        }

        var now = clock.GetUtcNow();
        var system = new List<ChatMessage>();
        if (request.Name is { } name && name.Trim() != room.Name)
        {
            room.Name = name.Trim();
            room.UpdatedAt = now;
            SystemMessages.Add(system, room, SystemMessages.Renamed(room.Name), ids);
        }

        foreach (var target in toAdd)
        {
            var member = room.Members.FirstOrDefault(m => m.UserId == target.Id);
            if (member is null)
            {
                room.Members.Add(new ChatMember { RoomId = room.Id, UserId = target.Id, Role = ChatMemberRole.Member, JoinedAt = now });
            }
            else
            {
                (member.LeftAt, member.JoinedAt, member.Role, member.LastReadAt, member.LastReadMessageId) =
                    (null, now, ChatMemberRole.Member, null, null);
            }

            SystemMessages.Add(system, room, SystemMessages.Joined(target.Handle), ids);
        }

        foreach (var target in toRemove)
        {
            room.Members.First(m => m.UserId == target.Id).LeftAt = now;
            SystemMessages.Add(system, room, SystemMessages.Left(target.Handle), ids);
        }

        room.UpdatedAt = system.Count > 0 ? room.UpdatedAt : now;
        db.ChatMessages.AddRange(system);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.RoomChangedAsync(room.Id, "updated", active.Concat(toAdd.Select(u => u.Id)), now,
            system.Select(SystemMessages.ToEvent), cancellationToken);
        return TypedResults.Ok(await queries.GetAsync(me, room.Id, cancellationToken));
    }

    /// <summary>Owner only: the room, its memberships and its messages go.</summary>
    public static async Task<IResult> DeleteAsync(Guid uuid, ClaimsPrincipal user, GamgyulDbContext db,
        ChatNotifier notifier, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var room = await db.ChatRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.Id == uuid, cancellationToken);
        if (room is null || !room.Members.Any(m => m.UserId == me && m.LeftAt == null))
        {
            return Problems.NotFound("Chat room not found.");
        }

        if (room.Kind == ChatRoomKind.Direct || room.OwnerId != me)
        {
            return Problems.Forbidden("Only the room's owner can delete it; leave it instead.");
        }

        var members = room.Members.Where(m => m.LeftAt == null).Select(m => m.UserId).ToList();
        db.ChatRooms.Remove(room);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.RoomChangedAsync(room.Id, "deleted", members, clock.GetUtcNow(), [], cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Leaves the room: the membership ends (the messages stay), ownership passes to the longest-standing member, and
    /// a system message tells the others.
    /// </summary>
    public static async Task<IResult> LeaveAsync(Guid roomUuid, ClaimsPrincipal user, GamgyulDbContext db,
        ChatUsers users, ChatNotifier notifier, MessageIdGenerator ids, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var room = await db.ChatRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.Id == roomUuid, cancellationToken);
        var mine = room?.Members.FirstOrDefault(m => m.UserId == me && m.LeftAt == null);
        if (room is null || mine is null)
        {
            return Problems.NotFound("You are not a member of this chat room.");
        }

        var now = clock.GetUtcNow();
        var before = room.Members.Where(m => m.LeftAt == null).Select(m => m.UserId).ToList();
        mine.LeftAt = now;
        if (mine.Role == ChatMemberRole.Owner || room.OwnerId == me)
        {
            mine.Role = ChatMemberRole.Member;
            var heir = room.Members.Where(m => m.LeftAt == null).OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId).FirstOrDefault();
            room.OwnerId = heir?.UserId;
            if (heir is not null)
            {
                heir.Role = ChatMemberRole.Owner;
            }
        }

        var system = new List<ChatMessage>();
        SystemMessages.Add(system, room, SystemMessages.Left(await users.HandleOfAsync(me, cancellationToken)), ids);
        db.ChatMessages.AddRange(system);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.RoomChangedAsync(room.Id, "updated", before, now, system.Select(SystemMessages.ToEvent), cancellationToken);
        return TypedResults.NoContent();
    }
}
