namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>An index definition (REST v2 <c>IndexParam</c>), e.g. HNSW with COSINE on the vector field.</summary>
public sealed record MilvusIndexParam(
    string FieldName,
    string IndexName,
    string MetricType,
    string IndexType,
    IReadOnlyDictionary<string, int>? Params = null);
