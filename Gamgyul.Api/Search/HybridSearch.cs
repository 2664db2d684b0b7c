using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Ranking;
using Gamgyul.Search.Vectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Search;

/// <summary>
/// Hybrid search: the lexical ranking (Postgres) and the vector ranking (the vector index) fused by reciprocal
/// rank, then checked against the source tables so nothing deleted or hidden shows even while the index catches up.
/// </summary>
public sealed class HybridSearch(
    LexicalSearch lexical,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IVectorIndex index,
    ReciprocalRankFusion fusion,
    GamgyulDbContext db,
    IOptions<SearchQueryOptions> options)
{
    /// <summary>The ids of every visible match, best first (at most <see cref="SearchQueryOptions.MaxCandidates"/> from each ranking).</summary>
    public async Task<IReadOnlyList<Guid>> RankAsync(SearchDocumentKind kind, string query, RankingMode mode,
        CancellationToken cancellationToken)
    {
        var vectorTask = mode == RankingMode.LexicalOnly ? Task.FromResult<List<Guid>>([]) : VectorRankAsync(kind, query, cancellationToken);
        var lexicalIds = mode == RankingMode.VectorOnly ? [] : await lexical.RankAsync(kind, query, cancellationToken);
        var vectorIds = await vectorTask;
        var fused = fusion.Fuse(lexicalIds, vectorIds).Select(r => r.Key).ToList();
        return await VisibleInOrderAsync(kind, fused, cancellationToken);
    }

    private async Task<List<Guid>> VectorRankAsync(SearchDocumentKind kind, string query, CancellationToken cancellationToken)
    {
        var vector = await embedder.GenerateVectorAsync(query, cancellationToken: cancellationToken);
        var hits = await index.SearchAsync(new VectorSearchRequest
        {
            Vector = vector,
            Kind = kind,
            Top = options.Value.MaxCandidates,
        }, cancellationToken);
        // Every vector has some cosine with the query; a floor keeps unrelated documents out of the results.
        return hits.Where(h => h.Score >= options.Value.MinVectorSimilarity).Select(h => h.Key.Id).ToList();
    }

    /// <summary>Keeps the ids whose source is visible to everyone, in the given order.</summary>
    public async Task<IReadOnlyList<Guid>> VisibleInOrderAsync(SearchDocumentKind kind, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return ids;
        }

        var visible = kind switch
        {
            SearchDocumentKind.Post => await db.Posts
                .Where(p => ids.Contains(p.Id) && p.Status == ContentStatus.Published && p.Author!.DeletedAt == null)
                .Select(p => p.Id).ToListAsync(cancellationToken),
            SearchDocumentKind.Product => await db.Products
                .Where(p => ids.Contains(p.Id) && p.Status == ContentStatus.Published && p.Owner!.DeletedAt == null)
                .Select(p => p.Id).ToListAsync(cancellationToken),
            _ => await db.Users.Where(u => ids.Contains(u.Id) && u.DeletedAt == null).Select(u => u.Id).ToListAsync(cancellationToken),
        };
        var set = visible.ToHashSet();
        return ids.Where(set.Contains).ToList();
    }
}
