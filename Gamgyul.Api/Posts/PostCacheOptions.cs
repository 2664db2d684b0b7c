namespace Gamgyul.Api.Posts;

/// <summary>The <c>Posts:Cache</c> section: how long this node keeps what anonymous readers of a post see.</summary>
public sealed class PostCacheOptions
{
    public const string SectionName = "Posts:Cache";

    /// <summary>
    /// Seconds an anonymous post detail may be served from memory (0 turns the cache off). Any write made
    /// through this node clears it at once; changes made through other nodes show after at most this long. Ten
    /// seconds: popular posts are read thousands of times in that window (at 2 s, 40% of the benchmark's Zipf reads
    /// missed), and an anonymous reader seeing another node's edit, like or moderation ten seconds late is acceptable.
    /// </summary>
    public double AnonymousDetailSeconds { get; set; } = 10;

    /// <summary>At most this many posts are held.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
