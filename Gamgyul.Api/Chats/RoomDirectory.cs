using System.Collections.Concurrent;
using System.Collections.Frozen;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>
/// This node's view of each active room's members, read from Postgres on first use. Every membership change is
/// published on the chat topic in the room's order (<c>chat.room</c>), and each node drops its view when it reads
/// that event, so a message published after a change is routed by the new member list on every node. The node that
/// made the change drops its view before answering, and a view older than <see cref="MaxAge"/> is reloaded anyway
/// (a safety net should an event ever be lost).
/// </summary>
public sealed class RoomDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, Task<RoomSnapshot?>> _rooms = new();

    /// <summary>The room's current view, or null when it does not exist.</summary>
    public async ValueTask<RoomSnapshot?> GetAsync(Guid roomId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var load = _rooms.GetOrAdd(roomId, id => LoadAsync(id));
            RoomSnapshot? snapshot;
            try
            {
                snapshot = await load.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed load is not cached: the next caller tries again.
                _rooms.TryRemove(new KeyValuePair<Guid, Task<RoomSnapshot?>>(roomId, load));
                throw;
            }

            if (snapshot is not null && clock.GetUtcNow().UtcTicks - snapshot.LoadedAtTicks > MaxAge.Ticks)
            {
                _rooms.TryRemove(new KeyValuePair<Guid, Task<RoomSnapshot?>>(roomId, load));
                continue;
            }

            if (snapshot is null)
            {
                // Unknown rooms are not remembered: a room created a moment later must be found.
                _rooms.TryRemove(new KeyValuePair<Guid, Task<RoomSnapshot?>>(roomId, load));
            }

            return snapshot;
        }
    }

    public void Invalidate(Guid roomId) => _rooms.TryRemove(roomId, out _);

    private async Task<RoomSnapshot?> LoadAsync(Guid roomId)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
        var loadedAt = clock.GetUtcNow().UtcTicks;
        var room = await db.ChatRooms.AsNoTracking().Where(r => r.Id == roomId)
            .Select(r => new { r.Kind, Members = r.Members.Where(m => m.LeftAt == null).Select(m => m.UserId).ToList() })
            .FirstOrDefaultAsync();
        if (room is null)
        {
            return null;
        }

        var blocked = false;
        if (room.Kind == ChatRoomKind.Direct && room.Members.Count == 2)
        {
            var (a, b) = (room.Members[0], room.Members[1]);
            blocked = await db.UserBlocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a));
        }

        return new RoomSnapshot(roomId, room.Kind, room.Members.ToFrozenSet(), blocked, loadedAt);
    }
}
