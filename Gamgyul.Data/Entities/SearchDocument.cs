namespace Gamgyul.Data.Entities;

/// <summary>
/// The embedding of one searchable object, for the Postgres vector index of local mode (and as the exact
/// recall reference for approximate indexes).
/// </summary>
public class SearchDocument
{
    public SearchDocumentKind Kind { get; set; }
    public Guid DocumentId { get; set; }
    public required float[] Embedding { get; set; }

    /// <summary>Model or embedder name, so a change of model can be detected and re-indexed.</summary>
    public required string Model { get; set; }

    public DateTimeOffset SourceUpdatedAt { get; set; }
    public DateTimeOffset IndexedAt { get; set; }
}
