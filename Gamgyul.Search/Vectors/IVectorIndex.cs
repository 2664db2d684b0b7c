namespace Gamgyul.Search.Vectors;

/// <summary>
/// The vector index: embeddings of users, posts and products with cosine top-k search. Chosen by
/// <c>VectorIndex:Provider</c>: <c>postgres</c> (exact, in process; the recall reference) or <c>milvus</c>.
/// Every operation is idempotent, so an at-least-once consumer may repeat any of them.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The adapter's name (<c>postgres</c>, <c>milvus</c>) for logs and metrics.</summary>
    string Name { get; }

    /// <summary>The length every vector must have.</summary>
    int Dimensions { get; }

    /// <summary>Creates whatever the index needs (collection, schema, vector index) and makes it searchable.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the records (by key).</summary>
    Task UpsertAsync(IReadOnlyCollection<VectorRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Removes the keys; keys that are not indexed are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default);

    /// <summary>The nearest objects by cosine similarity, best first.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The stored (L2-normalised) vectors of the keys that are indexed, e.g. to build an interest vector.</summary>
    Task<IReadOnlyDictionary<VectorKey, ReadOnlyMemory<float>>> GetVectorsAsync(
        IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default);
}
