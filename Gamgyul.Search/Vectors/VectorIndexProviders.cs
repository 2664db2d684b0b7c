namespace Gamgyul.Search.Vectors;

/// <summary>The values of <c>VectorIndex:Provider</c>.</summary>
public static class VectorIndexProviders
{
    public const string Postgres = "postgres";
    public const string Milvus = "milvus";
}
