namespace Gamgyul.Data.Entities;

/// <summary>An uploaded image and its processed variants.</summary>
public class MediaObject
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public MediaPurpose Purpose { get; set; }

    /// <summary>Key of the private original in object storage: <c>uploads/{owner}/{id}</c>.</summary>
    public required string StorageKey { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public MediaState State { get; set; }
    public string? Placeholder { get; set; }
    public List<MediaVariant> Variants { get; set; } = [];
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>When a post, product, profile or message last took it; unattached and unreferenced media are swept.</summary>
    public DateTimeOffset? AttachedAt { get; set; }
}
