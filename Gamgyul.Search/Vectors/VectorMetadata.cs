using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors;

/// <summary>What an index keeps beside a vector, so that searches can filter without a join.</summary>
public sealed record VectorMetadata
{
    /// <summary>The embedder's model id, so a change of model can be detected and re-indexed.</summary>
    public required string Model { get; init; }

    /// <summary>The post's author, the product's owner, or the user itself.</summary>
    public Guid? AuthorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Hidden content may stay indexed for moderators, but searches leave it out unless asked.</summary>
    public ContentStatus Status { get; init; } = ContentStatus.Published;

    /// <summary>The source's own <c>UpdatedAt</c> at the time it was embedded.</summary>
    public DateTimeOffset SourceUpdatedAt { get; init; }
}
