namespace Gamgyul.Api.Search;

/// <summary>The <c>Search:Query</c> section: how many candidates each ranking contributes and the lexical thresholds.</summary>
public sealed class SearchQueryOptions
{
    public const string SectionName = "Search:Query";

    /// <summary>Candidates taken from each ranking before fusion; also the deepest a result list can be paged.</summary>
    public int MaxCandidates { get; set; } = 200;

    /// <summary>
    /// pg_trgm <c>word_similarity</c> a text must reach to be a lexical candidate. Rank fusion counts ranks, not
    /// scores, so every weak lexical candidate would still vote: on the labelled Korean set (HybridRelevanceTests)
    /// 0.3 let texts sharing one common word (감귤) outvote better vector matches (hybrid nDCG@10 0.863), 0.5 did
    /// not (0.903). Spacing variants and missing syllables below 0.5 are left to the vector ranking.
    /// </summary>
    public double WordSimilarityThreshold { get; set; } = 0.5;

    /// <summary>pg_trgm <c>similarity</c> a handle or display name must reach (typos in handles).</summary>
    public double HandleSimilarityThreshold { get; set; } = 0.3;

    /// <summary>
    /// Vector hits below this cosine similarity are not candidates. Fits the n-gram embedder (unrelated texts score
    /// near 0); a semantic model scores unrelated texts higher and wants a higher floor.
    /// </summary>
    public double MinVectorSimilarity { get; set; } = 0.1;

    public int DefaultPageSize { get; set; } = 10;

    public int MaxQueryLength { get; set; } = 100;
}
