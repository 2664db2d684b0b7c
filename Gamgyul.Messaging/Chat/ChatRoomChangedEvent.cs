namespace Gamgyul.Messaging.Chat;

/// <summary>
/// A room changed (<see cref="Change"/>: <c>updated</c> or <c>deleted</c>). <see cref="UserIds"/> are the users to
/// tell: the members before and after the change.
/// </summary>
public sealed record ChatRoomChangedEvent(Guid RoomId, string Change, IReadOnlyList<Guid> UserIds, DateTimeOffset OccurredAt);
