using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors;

/// <summary>A top-k cosine query over one kind of object.</summary>
public sealed record VectorSearchRequest
{
    public required ReadOnlyMemory<float> Vector { get; init; }
    public required SearchDocumentKind Kind { get; init; }

    /// <summary>How many hits at most; indexes cap it at <see cref="MaxTop"/>.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Objects never to return, e.g. what the caller has already seen or the query's own source.</summary>
    public IReadOnlyCollection<Guid> ExcludeIds { get; init; } = [];

    /// <summary>Authors whose objects never to return, e.g. the caller's own for recommendations.</summary>
    public IReadOnlyCollection<Guid> ExcludeAuthorIds { get; init; } = [];

    /// <summary>Also return hidden objects (moderation); ordinary searches see published ones only.</summary>
    public bool IncludeHidden { get; init; }

    /// <summary>Milvus refuses larger limits (16 384 including the offset); a page of results never needs more.</summary>
    public const int MaxTop = 1000;
}
