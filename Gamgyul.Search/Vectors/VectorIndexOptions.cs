using Gamgyul.Search.Vectors.Milvus;
using Gamgyul.Search.Vectors.Postgres;

namespace Gamgyul.Search.Vectors;

/// <summary>The <c>VectorIndex</c> configuration section.</summary>
public sealed class VectorIndexOptions
{
    public const string SectionName = "VectorIndex";

    /// <summary><see cref="VectorIndexProviders.Postgres"/> (default, local mode) or <see cref="VectorIndexProviders.Milvus"/>.</summary>
    public string Provider { get; set; } = VectorIndexProviders.Postgres;

    public PostgresVectorIndexOptions Postgres { get; set; } = new();

    public MilvusOptions Milvus { get; set; } = new();
}
