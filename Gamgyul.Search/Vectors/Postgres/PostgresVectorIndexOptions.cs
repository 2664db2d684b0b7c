namespace Gamgyul.Search.Vectors.Postgres;

/// <summary>The <c>VectorIndex:Postgres</c> section.</summary>
public sealed class PostgresVectorIndexOptions
{
    /// <summary>
    /// How stale a search may be with respect to other processes' writes: a search first catches up on
    /// rows changed since the last look when this much time has passed. This process's own writes are
    /// visible at once.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each catch-up re-reads this far behind the watermark, because a row stamped before the watermark
    /// can commit after it was taken. Must exceed the longest write transaction.
    /// </summary>
    public TimeSpan RefreshOverlap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long removal tombstones are kept for other processes to see. A process that has not caught up
    /// for about this long reloads everything instead.
    /// </summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromHours(6);
}
