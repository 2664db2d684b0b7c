using Gamgyul.Search.Vectors.Exact;

namespace Gamgyul.Search.Vectors.Postgres;

/// <summary>One row of <c>search_documents</c> as the memory copy needs it.</summary>
internal readonly record struct PostgresVectorRow(
    VectorKey Key, float[] Embedding, ExactEntry Entry, bool IsDeleted, DateTimeOffset IndexedAt);
