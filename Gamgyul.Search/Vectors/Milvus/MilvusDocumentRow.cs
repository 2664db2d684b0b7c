using System.Text.Json.Serialization;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// One entity of the search collection. Milvus fields are not nullable before 2.5, so a missing author is
/// the empty string; times are Unix milliseconds (Int64) so they can be compared in filters.
/// </summary>
internal sealed record MilvusDocumentRow(
    [property: JsonPropertyName("pk")] string Pk,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("document_id")] string DocumentId,
    [property: JsonPropertyName("author_id")] string AuthorId,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("vector")] float[] Vector);
