namespace Gamgyul.Data.Entities;

/// <summary>An image of a post, in display order: a processed media object or, for old clients, a URL.</summary>
public class PostImage
{
    public Guid PostId { get; set; }
    public int Position { get; set; }
    public Guid? MediaId { get; set; }
    public string Url { get; set; } = string.Empty;
}
