using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>The search collection's schema, primary keys and filter expressions.</summary>
internal static class MilvusSearchSchema
{
    public const string VectorField = "vector";
    public const string IndexName = "vector_idx";

    /// <summary>Fields a search returns with each hit (never the vector: it is large).</summary>
    public static readonly IReadOnlyList<string> HitFields = ["kind", "document_id", "author_id", "created_at"];

    public static MilvusCollectionSchema Schema(int dimensions) => new(
    [
        new("pk", "VarChar", IsPrimary: true, ElementTypeParams: MaxLength(64)),
        // The partition key: a search filtered on one kind only touches that kind's partitions.
        new("kind", "VarChar", IsPartitionKey: true, ElementTypeParams: MaxLength(16)),
        new("document_id", "VarChar", ElementTypeParams: MaxLength(36)),
        new("author_id", "VarChar", ElementTypeParams: MaxLength(36)),
        new("created_at", "Int64"),
        new("status", "VarChar", ElementTypeParams: MaxLength(16)),
        new("model", "VarChar", ElementTypeParams: MaxLength(100)),
        new(VectorField, "FloatVector", ElementTypeParams: new Dictionary<string, string> { ["dim"] = Invariant(dimensions) }),
    ]);

    public static MilvusIndexParam VectorIndex(MilvusOptions options) => new(
        VectorField, IndexName, "COSINE", "HNSW",
        new Dictionary<string, int> { ["M"] = options.HnswM, ["efConstruction"] = options.HnswEfConstruction });

    /// <summary>Ids are unique per kind only, so the primary key carries the kind: <c>Post:0190…</c>.</summary>
    public static string PrimaryKey(VectorKey key) => $"{key.Kind}:{key.Id}";

    public static string ByPrimaryKeys(IEnumerable<VectorKey> keys) =>
        $"pk in [{string.Join(',', keys.Select(k => Quote(PrimaryKey(k))))}]";

    public static string SearchFilter(VectorSearchRequest request)
    {
        var filter = $"kind == {Quote(request.Kind.ToString())}";
        if (!request.IncludeHidden)
        {
            filter += $" and status == {Quote(nameof(ContentStatus.Published))}";
        }

        if (request.ExcludeIds.Count > 0)
        {
            filter += $" and document_id not in [{string.Join(',', request.ExcludeIds.Select(id => Quote(id.ToString())))}]";
        }

        if (request.ExcludeAuthorIds.Count > 0)
        {
            filter += $" and author_id not in [{string.Join(',', request.ExcludeAuthorIds.Select(id => Quote(id.ToString())))}]";
        }

        return filter;
    }

    /// <summary>A Milvus string literal. Our values are ids and enum names, but escaping keeps it safe regardless.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static Dictionary<string, string> MaxLength(int length) => new() { ["max_length"] = Invariant(length) };

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
