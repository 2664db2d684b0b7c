namespace Gamgyul.Tests.Search.Relevance;

/// <summary>Normalised discounted cumulative gain with graded gains 2^rel − 1 and a log2(rank + 1) discount.</summary>
public static class Ndcg
{
    public static double AtK(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k = 10)
    {
        var dcg = ranking.Take(k).Select((id, i) => Gain(judgements.GetValueOrDefault(id)) / Math.Log2(i + 2)).Sum();
        var ideal = judgements.Values.OrderDescending().Take(k).Select((rel, i) => Gain(rel) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double Gain(int relevance) => Math.Pow(2, relevance) - 1;
}
