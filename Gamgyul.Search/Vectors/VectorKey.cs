using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors;

/// <summary>Identifies one indexed object: ids are unique per kind, not across kinds.</summary>
public readonly record struct VectorKey(SearchDocumentKind Kind, Guid Id);
