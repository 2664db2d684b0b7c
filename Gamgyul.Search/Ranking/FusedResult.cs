namespace Gamgyul.Search.Ranking;

/// <summary>One fused result; the ranks (1-based) say where each input ranking had it, if at all.</summary>
public sealed record FusedResult<TKey>(TKey Key, double Score, int? LexicalRank, int? VectorRank);
