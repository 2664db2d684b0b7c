namespace Gamgyul.Api.Chats;

/// <summary>
/// The body of <c>POST /chats/rooms/</c>: the other members by handle. One handle and no name opens (or reuses) the
/// direct room of the pair; anything else makes a group room owned by the caller.
/// </summary>
public sealed record CreateRoomRequest(IReadOnlyList<string>? Handles, string? Name);
