namespace Gamgyul.Api.Search;

/// <summary>The <c>Search:Recommendations</c> section.</summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Search:Recommendations";

    /// <summary>How many of each signal (liked, written, viewed) make up the interest vector, newest first.</summary>
    public int SignalsPerKind { get; set; } = 50;

    /// <summary>Viewed objects count for less than liked or written ones.</summary>
    public float ViewWeight { get; set; } = 0.5f;

    /// <summary>Nearest neighbours considered before diversification.</summary>
    public int Candidates { get; set; } = 200;

    /// <summary>At most this many items of one seller or author before every other one has had its turn.</summary>
    public int MaxPerAuthor { get; set; } = 2;

    /// <summary>How long the list of what a user viewed is kept in Redis.</summary>
    public TimeSpan ViewMemory { get; set; } = TimeSpan.FromDays(30);
}
