using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

/// <summary>
/// A message, in history and in <c>message.new</c> frames. <see cref="Sender"/> is null for system messages and
/// for authors whose account is gone. <c>room_id</c>, <c>text</c> and <c>created_at</c> are the original client's names.
/// </summary>
public sealed record ChatMessageResponse(
    Guid Id,
    Guid RoomId,
    ChatSenderResponse? Sender,
    ChatMessageKind Kind,
    string Text,
    DateTimeOffset CreatedAt);
