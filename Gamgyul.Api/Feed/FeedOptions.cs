namespace Gamgyul.Api.Feed;

/// <summary>The <c>Feed</c> configuration section.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feed";

    /// <summary>Posts per page when the client sends no <c>page_size</c> (the original's 10).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The cold-start feed (for a caller who follows nobody) ranks posts of this many recent days.</summary>
    public int ColdStartWindowDays { get; set; } = 14;
}
