namespace Gamgyul.Data.Entities;

/// <summary>One resized rendition of a media object (stored as JSON inside the media row).</summary>
public class MediaVariant
{
    public required string StorageKey { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Size { get; set; }
}
