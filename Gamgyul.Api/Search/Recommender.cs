using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Search;

/// <summary>
/// Personal recommendations: the objects nearest to the user's interest vector, never the user's own (nor, for
/// posts, ones already liked), only visible ones, and diversified so one seller or author cannot fill the list.
/// </summary>
public sealed class Recommender(InterestProfile profile, IVectorIndex index, HybridSearch visibility, IOptions<RecommendationOptions> options)
{
    /// <summary>Ids best first, or null when the user has no interest vector yet (callers fall back to a non-personal list).</summary>
    public async Task<IReadOnlyList<Guid>?> RecommendAsync(Guid userId, SearchDocumentKind kind, CancellationToken cancellationToken)
    {
        if (await profile.VectorAsync(userId, cancellationToken) is not { } interest)
        {
            return null;
        }

        IReadOnlyCollection<Guid> exclude = kind == SearchDocumentKind.Post ? await profile.LikedPostsAsync(userId, cancellationToken) : [];
        var hits = await index.SearchAsync(new VectorSearchRequest
        {
            Vector = interest,
            Kind = kind,
            Top = options.Value.Candidates,
            ExcludeAuthorIds = [userId],
            ExcludeIds = exclude,
        }, cancellationToken);
        var visible = (await visibility.VisibleInOrderAsync(kind, hits.Select(h => h.Key.Id).ToList(), cancellationToken)).ToHashSet();
        return Diversify(hits.Where(h => visible.Contains(h.Key.Id)).ToList(), options.Value.MaxPerAuthor);
    }

    /// <summary>
    /// Keeps the similarity order but lets each author have at most <paramref name="maxPerAuthor"/> items per round:
    /// round one takes everyone's best items, round two the next ones, and so on.
    /// </summary>
    public static List<Guid> Diversify(IReadOnlyList<VectorHit> hits, int maxPerAuthor)
    {
        var cap = Math.Max(1, maxPerAuthor);
        var result = new List<Guid>(hits.Count);
        var remaining = hits.ToList();
        while (remaining.Count > 0)
        {
            var taken = new Dictionary<Guid, int>();
            var next = new List<VectorHit>();
            foreach (var hit in remaining)
            {
                var author = hit.AuthorId ?? Guid.Empty;
                var count = taken.GetValueOrDefault(author);
                if (count < cap)
                {
                    taken[author] = count + 1;
                    result.Add(hit.Key.Id);
                }
                else
                {
                    next.Add(hit);
                }
            }

            remaining = next;
        }

        return result;
    }
}
