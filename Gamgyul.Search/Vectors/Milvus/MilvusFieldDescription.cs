namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>A field as <c>collections/describe</c> reports it; <see cref="Dimension"/> is set for vector fields.</summary>
public sealed record MilvusFieldDescription(string Name, string Type, bool IsPrimary, bool IsPartitionKey, int? Dimension);
