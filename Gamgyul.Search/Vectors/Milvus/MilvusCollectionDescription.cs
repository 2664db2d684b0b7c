namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>The parts of <c>collections/describe</c> this project reads.</summary>
public sealed record MilvusCollectionDescription(
    string CollectionName,
    IReadOnlyList<MilvusFieldDescription> Fields,
    IReadOnlyList<string> IndexedFields,
    string? LoadState);
