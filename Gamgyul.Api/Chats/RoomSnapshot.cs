using System.Collections.Frozen;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

/// <summary>
/// What a node needs to route a room's traffic: its current members, and for a direct room whether one member has
/// blocked the other.
/// </summary>
public sealed record RoomSnapshot(Guid RoomId, ChatRoomKind Kind, FrozenSet<Guid> Members, bool Blocked, long LoadedAtTicks);
