using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

/// <summary>
/// A room as its member sees it. <see cref="UnreadCount"/> counts others' messages after the caller's read pointer.
/// <see cref="FirstMessage"/> is the original API's name for the newest message's text ("" when there is none).
/// </summary>
public sealed record RoomResponse(
    Guid Uuid,
    ChatRoomKind Kind,
    string Name,
    string? Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ChatMessageResponse? LastMessage,
    string FirstMessage,
    int UnreadCount,
    Guid? LastReadMessageId,
    IReadOnlyList<RoomMemberResponse> Members);
