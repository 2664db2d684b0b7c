namespace Gamgyul.Api.Posts;

/// <summary>The <c>Posts:Views</c> section: how post views are buffered in Redis and written to Postgres.</summary>
public sealed class ViewCountingOptions
{
    public const string SectionName = "Posts:Views";

    /// <summary>Repeat views of one post by one viewer within this many seconds count once.</summary>
    public int DedupWindowSeconds { get; set; } = 30 * 60;

    /// <summary>How often buffered counts are added to <c>posts.views_count</c>, in seconds.</summary>
    public double FlushIntervalSeconds { get; set; } = 10;

    /// <summary>Run the periodic flush in the background (tests turn it off and flush by hand).</summary>
    public bool BackgroundFlush { get; set; } = true;

    /// <summary>Prefix of the Redis keys, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "gamgyul:views:";

    /// <summary>The Redis hash of counted views not yet in Postgres (post id to count).</summary>
    internal string PendingKey => KeyPrefix + "pending";
}
