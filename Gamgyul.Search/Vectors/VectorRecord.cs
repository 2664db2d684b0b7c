namespace Gamgyul.Search.Vectors;

/// <summary>One object to upsert: its key, its embedding (any length-scale; indexes compare by cosine) and metadata.</summary>
public sealed record VectorRecord(VectorKey Key, ReadOnlyMemory<float> Vector, VectorMetadata Metadata);
