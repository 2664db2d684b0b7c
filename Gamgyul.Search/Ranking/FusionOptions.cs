namespace Gamgyul.Search.Ranking;

/// <summary>The <c>Search:Fusion</c> section.</summary>
public sealed class FusionOptions
{
    public const string SectionName = "Search:Fusion";

    /// <summary>
    /// RRF's k: larger values flatten the difference between top ranks and let agreement between the two
    /// rankings count for more. 60 is the value of the original RRF paper (Cormack et al., 2009).
    /// </summary>
    public int K { get; set; } = ReciprocalRankFusion.DefaultK;

    public double LexicalWeight { get; set; } = 1;

    public double VectorWeight { get; set; } = 1;
}
