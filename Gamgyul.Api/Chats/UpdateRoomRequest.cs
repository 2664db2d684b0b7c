namespace Gamgyul.Api.Chats;

/// <summary>
/// The body of <c>PATCH /chats/rooms/{uuid}/</c> (owner only): a new name, members to add and to remove by handle,
/// or, as the original API intended, <see cref="Handles"/>: the whole desired member list besides the owner.
/// </summary>
public sealed record UpdateRoomRequest(string? Name, IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove,
    IReadOnlyList<string>? Handles);
