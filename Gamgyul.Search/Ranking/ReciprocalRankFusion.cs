namespace Gamgyul.Search.Ranking;

/// <summary>
/// Reciprocal rank fusion: score(d) = Σ weightᵢ / (k + rankᵢ(d)) over the rankings that contain d
/// (ranks from 1). It needs only ranks, never scores, which is why it can fuse a trigram similarity with
/// a cosine similarity: the two scales are not comparable, the orders are. Pure and deterministic.
/// </summary>
public sealed class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public ReciprocalRankFusion(int k = DefaultK, double lexicalWeight = 1, double vectorWeight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(lexicalWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(vectorWeight);
        K = k;
        LexicalWeight = lexicalWeight;
        VectorWeight = vectorWeight;
    }

    public ReciprocalRankFusion(FusionOptions options)
        : this(options.K, options.LexicalWeight, options.VectorWeight)
    {
    }

    public int K { get; }
    public double LexicalWeight { get; }
    public double VectorWeight { get; }

    /// <summary>
    /// Fuses two rankings (best first) into one, best first. A key repeated within one ranking counts at
    /// its best rank only. Ties are broken by the better single rank, then by the lexical rank (an exact
    /// word match is the safer bet), then by first appearance, so equal inputs always give equal outputs.
    /// </summary>
    public IReadOnlyList<FusedResult<TKey>> Fuse<TKey>(IReadOnlyList<TKey> lexical, IReadOnlyList<TKey> vector)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(vector);

        var candidates = new Dictionary<TKey, Candidate>(lexical.Count + vector.Count);
        var order = 0;
        for (var i = 0; i < lexical.Count; i++)
        {
            if (!candidates.ContainsKey(lexical[i]))
            {
                candidates[lexical[i]] = new Candidate(order++) { LexicalRank = i + 1 };
            }
        }

        for (var i = 0; i < vector.Count; i++)
        {
            if (candidates.TryGetValue(vector[i], out var candidate))
            {
                candidate.VectorRank ??= i + 1;
            }
            else
            {
                candidates[vector[i]] = new Candidate(order++) { VectorRank = i + 1 };
            }
        }

        var fused = new List<(FusedResult<TKey> Result, Candidate Candidate)>(candidates.Count);
        foreach (var (key, candidate) in candidates)
        {
            var score = Contribution(LexicalWeight, candidate.LexicalRank) + Contribution(VectorWeight, candidate.VectorRank);
            fused.Add((new FusedResult<TKey>(key, score, candidate.LexicalRank, candidate.VectorRank), candidate));
        }

        fused.Sort(static (a, b) =>
        {
            var byScore = b.Result.Score.CompareTo(a.Result.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byBestRank = a.Candidate.BestRank.CompareTo(b.Candidate.BestRank);
            if (byBestRank != 0)
            {
                return byBestRank;
            }

            var byLexical = (a.Candidate.LexicalRank ?? int.MaxValue).CompareTo(b.Candidate.LexicalRank ?? int.MaxValue);
            return byLexical != 0 ? byLexical : a.Candidate.Order.CompareTo(b.Candidate.Order);
        });
        return fused.ConvertAll(f => f.Result);
    }

    private double Contribution(double weight, int? rank) => rank is { } r ? weight / (K + r) : 0;

    private sealed class Candidate(int order)
    {
        public int Order { get; } = order;
        public int? LexicalRank { get; set; }
        public int? VectorRank { get; set; }
        public int BestRank => Math.Min(LexicalRank ?? int.MaxValue, VectorRank ?? int.MaxValue);
    }
}
