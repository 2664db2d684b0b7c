namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// A field of a collection schema (REST v2 <c>FieldSchema</c>). Type parameters are sent as strings
/// (<c>{"dim":"384"}</c>): older servers accept only strings, newer ones accept both.
/// </summary>
public sealed record MilvusFieldSchema(
    string FieldName,
    string DataType,
    bool? IsPrimary = null,
    bool? IsPartitionKey = null,
    IReadOnlyDictionary<string, string>? ElementTypeParams = null);
