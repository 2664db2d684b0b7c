using Gamgyul.Search.Vectors;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>An object that should be in the index, as the database has it now.</summary>
public sealed record SearchSource(VectorKey Key, string Text, Guid? AuthorId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
