namespace Gamgyul.Search.Vectors;

/// <summary>One search result; <see cref="Score"/> is the cosine similarity (higher is closer).</summary>
public sealed record VectorHit(VectorKey Key, float Score, Guid? AuthorId, DateTimeOffset CreatedAt);
