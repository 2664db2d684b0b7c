namespace Gamgyul.Data.Entities;

public class PostLike
{
    public Guid UserId { get; set; }
    public Guid PostId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
