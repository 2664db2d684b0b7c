namespace Gamgyul.Data.Entities;

/// <summary>
/// A user's membership of a room. The read state is one pointer per member (the last message read), so
/// unread counts never need a row per reader per message. A member who leaves keeps the row with
/// <see cref="LeftAt"/> set, and their messages stay in the room.
/// </summary>
public class ChatMember
{
    public Guid RoomId { get; set; }
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public ChatMemberRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public Guid? LastReadMessageId { get; set; }

    /// <summary>
    /// The creation time of <see cref="LastReadMessageId"/>: unread messages are those after
    /// (<see cref="LastReadAt"/>, <see cref="LastReadMessageId"/>) in history order.
    /// </summary>
    public DateTimeOffset? LastReadAt { get; set; }
}
