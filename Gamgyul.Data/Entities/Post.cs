namespace Gamgyul.Data.Entities;

public class Post
{
    /// <summary>A UUIDv7, so ids sort by creation time.</summary>
    public Guid Id { get; set; }
    public Guid AuthorId { get; set; }
    public User? Author { get; set; }
    public required string Text { get; set; }
    public string? Category { get; set; }

    /// <summary>Normalised tags (lower case, trimmed, unique), at most ten.</summary>
    public List<string> Tags { get; set; } = [];

    public List<PostImage> Images { get; set; } = [];
    public ContentStatus Status { get; set; }
    public long ViewsCount { get; set; }
    public int LikesCount { get; set; }
    public int CommentsCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
