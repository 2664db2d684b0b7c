namespace Gamgyul.Messaging.Chat;

/// <summary>
/// A chat message as published by the Api. <see cref="Id"/> is a UUIDv7 assigned by the Api and is the primary key
/// of the stored row, so storing the same event twice is a no-op. <see cref="Sender"/> is null for system messages.
/// </summary>
/// <remarks>Attachments (media ids) will be one more optional property here; they are not part of the contract yet.</remarks>
public sealed record ChatMessageEvent(
    Guid Id,
    Guid RoomId,
    ChatSender? Sender,
    string Kind,
    string Text,
    DateTimeOffset CreatedAt,
    string? ClientMsgId);
