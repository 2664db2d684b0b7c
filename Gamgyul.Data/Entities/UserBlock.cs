namespace Gamgyul.Data.Entities;

/// <summary>
/// <see cref="BlockerId"/> blocks <see cref="BlockedId"/>: neither can start a chat with the other or message
/// the other in their direct room while the block stands.
/// </summary>
public class UserBlock
{
    public Guid BlockerId { get; set; }
    public Guid BlockedId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
