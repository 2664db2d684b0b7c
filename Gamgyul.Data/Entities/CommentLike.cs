namespace Gamgyul.Data.Entities;

/// <summary>A like of a comment or a reply (replies are comments with a parent).</summary>
public class CommentLike
{
    public Guid UserId { get; set; }
    public Guid CommentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
