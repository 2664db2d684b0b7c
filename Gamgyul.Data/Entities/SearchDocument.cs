namespace Gamgyul.Data.Entities;

/// <summary>
/// The embedding of one searchable object, for the Postgres vector index of local mode (and as the exact
/// recall reference for approximate indexes).
/// </summary>
public class SearchDocument
{
    public SearchDocumentKind Kind { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>L2-normalised; empty on a tombstone.</summary>
    public required float[] Embedding { get; set; }

    /// <summary>Model or embedder name, so a change of model can be detected and re-indexed.</summary>
    public required string Model { get; set; }

    /// <summary>The author (post), owner (product) or the user itself, so searches can leave someone's own content out.</summary>
    public Guid? AuthorId { get; set; }

    /// <summary>When the source was created, for tie-breaks and recency filters without a join.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public ContentStatus Status { get; set; }

    public DateTimeOffset SourceUpdatedAt { get; set; }

    /// <summary>
    /// Set by the database clock on every write, so every process's in-memory copy can catch up on the rows
    /// changed since it last looked (a watermark) without trusting the clocks of the writers.
    /// </summary>
    public DateTimeOffset IndexedAt { get; set; }

    /// <summary>
    /// A tombstone: the source was deleted or hidden. The row stays for a while so that other processes'
    /// caches see the removal through the <see cref="IndexedAt"/> watermark, then it is purged.
    /// </summary>
    public bool IsDeleted { get; set; }
}
