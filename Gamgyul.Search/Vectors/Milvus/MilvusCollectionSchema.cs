using System.Text.Json.Serialization;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>A custom collection schema (the <c>schema</c> of a create-collection request).</summary>
public sealed record MilvusCollectionSchema(
    IReadOnlyList<MilvusFieldSchema> Fields,
    [property: JsonPropertyName("autoID")] bool AutoId = false,
    bool EnableDynamicField = false);
