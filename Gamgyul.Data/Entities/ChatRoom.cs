namespace Gamgyul.Data.Entities;

public class ChatRoom
{
    public Guid Id { get; set; }
    public ChatRoomKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;
    public Guid? OwnerId { get; set; }

    /// <summary>For direct rooms, "smallerUserId:largerUserId", unique, so a pair has one direct room.</summary>
    public string? DirectKey { get; set; }

    public Guid? LastMessageId { get; set; }
    public DateTimeOffset? LastMessageAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ChatMember> Members { get; set; } = [];
}
