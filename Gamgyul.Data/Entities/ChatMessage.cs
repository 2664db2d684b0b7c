namespace Gamgyul.Data.Entities;

/// <summary>A chat message. Its id is a UUIDv7 assigned by the API, so ids order messages in time.</summary>
public class ChatMessage
{
    public Guid Id { get; set; }
    public Guid RoomId { get; set; }

    /// <summary>Null for system messages, or once the sender's account is deleted.</summary>
    public Guid? SenderId { get; set; }

    public ChatMessageKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    public Guid? MediaId { get; set; }
    public ContentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
