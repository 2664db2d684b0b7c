namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>One vector search (REST v2 <c>entities/search</c>) with a single query vector.</summary>
public sealed record MilvusSearchRequest
{
    public required string CollectionName { get; init; }
    public required float[] Vector { get; init; }
    public string AnnsField { get; init; } = "vector";
    public int Limit { get; init; } = 10;

    /// <summary>A Milvus boolean expression, e.g. <c>kind == "Post" and status == "Published"</c>.</summary>
    public string? Filter { get; init; }

    public IReadOnlyList<string> OutputFields { get; init; } = [];
    public string MetricType { get; init; } = "COSINE";

    /// <summary>HNSW's <c>ef</c>; must be at least <see cref="Limit"/>.</summary>
    public int? Ef { get; init; }

    public string? ConsistencyLevel { get; init; }
}
