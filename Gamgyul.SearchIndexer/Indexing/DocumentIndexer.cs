using Gamgyul.Search.Vectors;
using Microsoft.Extensions.AI;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// Brings index entries in line with their sources: embeds and upserts what should be indexed, removes what
/// should not (deleted, hidden, owner gone). Every step is idempotent, so a repeated event does no harm.
/// </summary>
public sealed class DocumentIndexer(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IVectorIndex index,
    IndexerMetrics metrics)
{
    /// <summary>How often a reconcile re-reads when the source keeps changing under it.</summary>
    private const int MaxPasses = 5;

    private readonly string _model = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";

    /// <summary>
    /// Reconciles <paramref name="keys"/> with the database. After writing, it reads the sources again and repeats
    /// if they changed meanwhile: two indexers handling two events of one object in parallel (possible on Redis
    /// Streams) then both end on the latest state, and a deletion that committed during the write is not undone.
    /// </summary>
    public async Task ReconcileAsync(SearchSourceReader reader, IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var sources = await reader.LoadAsync(keys, cancellationToken);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            await ApplyAsync(keys, sources, cancellationToken);
            var now = await reader.LoadAsync(keys, cancellationToken);
            if (SameState(sources, now))
            {
                return;
            }

            sources = now;
        }
    }

    /// <summary>Embeds and upserts <paramref name="sources"/> (a rebuild's batch).</summary>
    public async Task IndexAsync(IReadOnlyList<SearchSource> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var embeddings = await embedder.GenerateAsync(sources.Select(s => s.Text), cancellationToken: cancellationToken);
        var records = new List<VectorRecord>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            records.Add(new VectorRecord(source.Key, embeddings[i].Vector, new VectorMetadata
            {
                Model = _model,
                AuthorId = source.AuthorId,
                CreatedAt = source.CreatedAt,
                SourceUpdatedAt = source.UpdatedAt,
            }));
        }

        await index.UpsertAsync(records, cancellationToken);
        metrics.Indexed(records.Count);
    }

    /// <summary>Removes keys from the index (idempotent).</summary>
    public async Task RemoveAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await index.DeleteAsync(keys, cancellationToken);
        metrics.Removed(keys.Count);
    }

    private async Task ApplyAsync(IReadOnlyCollection<VectorKey> keys, Dictionary<VectorKey, SearchSource> sources,
        CancellationToken cancellationToken)
    {
        await IndexAsync([.. sources.Values], cancellationToken);
        await RemoveAsync([.. keys.Where(k => !sources.ContainsKey(k)).Distinct()], cancellationToken);
    }

    private static bool SameState(Dictionary<VectorKey, SearchSource> before, Dictionary<VectorKey, SearchSource> after) =>
        before.Count == after.Count
        && before.All(b => after.TryGetValue(b.Key, out var a) && a.UpdatedAt == b.Value.UpdatedAt && a.Text == b.Value.Text);
}
