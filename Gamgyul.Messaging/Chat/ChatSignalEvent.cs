namespace Gamgyul.Messaging.Chat;

/// <summary>A read receipt (<see cref="MessageId"/> set) or a typing signal from a member of a room.</summary>
public sealed record ChatSignalEvent(Guid RoomId, ChatSender User, Guid? MessageId, DateTimeOffset OccurredAt);
