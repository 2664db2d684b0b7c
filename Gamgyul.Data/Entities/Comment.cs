namespace Gamgyul.Data.Entities;

/// <summary>A comment on a post, or a reply when <see cref="ParentId"/> names a top-level comment.</summary>
public class Comment
{
    public Guid Id { get; set; }
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    public Guid AuthorId { get; set; }
    public User? Author { get; set; }

    /// <summary>Replies nest one level only: the parent is always a top-level comment.</summary>
    public Guid? ParentId { get; set; }
    public Comment? Parent { get; set; }

    public required string Content { get; set; }
    public ContentStatus Status { get; set; }
    public int LikesCount { get; set; }
    public int RepliesCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
