namespace Gamgyul.Messaging.Chat;

/// <summary>
/// A chat message as published by the Api. <see cref="Id"/> is a UUIDv7 assigned by the Api and is the primary key
/// of the stored row, so storing the same event twice is a no-op. <see cref="Sender"/> is null for system messages.
/// </summary>
/// <remarks>
/// <see cref="MediaId"/> is the attached image (checked and attached by the Api before publishing), stored with the
/// message; <see cref="Images"/> are its signed URLs for the live <c>message.new</c> frames, made once by the sending
/// node so that the nodes that deliver it need no storage access. Both are absent in events of older senders.
/// <see cref="ImagePlaceholder"/>, <see cref="ImageWidth"/> and <see cref="ImageHeight"/> (the image's BlurHash and
/// size, so a client shows the placeholder in the right shape until the image loads) come the same way.
/// </remarks>
public sealed record ChatMessageEvent(
    Guid Id,
    Guid RoomId,
    ChatSender? Sender,
    string Kind,
    string Text,
    DateTimeOffset CreatedAt,
    string? ClientMsgId,
    Guid? MediaId = null,
    IReadOnlyList<string>? Images = null,
    string? ImagePlaceholder = null,
    int? ImageWidth = null,
    int? ImageHeight = null);
