namespace Gamgyul.Messaging.Redis;

/// <summary>Settings of the Redis Streams adapter (configuration section <c>Bus:Redis</c>).</summary>
public sealed class RedisStreamsOptions
{
    public const string SectionName = "Bus:Redis";

    /// <summary>Prefix of every key the bus writes (streams, registries).</summary>
    public string KeyPrefix { get; set; } = "gamgyul:bus:";

    /// <summary>
    /// Streams are trimmed to about this many entries on every publish (approximate MAXLEN, which is cheap).
    /// Null: no length limit.
    /// </summary>
    public long? MaxLength { get; set; } = 1_000_000;

    /// <summary>
    /// Entries older than this are trimmed (MINID), at most once per <see cref="TrimInterval"/>. Trimming ignores
    /// consumer groups: a durable consumer that stays down longer than this loses what it had not read.
    /// Null: no age limit.
    /// </summary>
    public TimeSpan? MaxAge { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A message delivered but neither acknowledged nor negatively acknowledged, whose consumer has not refreshed it
    /// for this long, is taken over by another consumer of the group (its consumer is presumed dead). Live consumers
    /// refresh what they hold every <see cref="SweepInterval"/>, so this must be comfortably longer than that.
    /// </summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a consumer looks for messages to take over, refreshes its heartbeat and cleans up.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a consumer sleeps when the stream has nothing new. Publishes also send a pub/sub wake-up, so this
    /// is only the fallback if a wake-up is missed; latency normally does not depend on it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a negatively acknowledged message waits before it is delivered again.</summary>
    public TimeSpan NegativeAckDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A broadcast group whose node has not sent a heartbeat for this long (the node crashed) is destroyed by any
    /// other node's consumer.
    /// </summary>
    public TimeSpan BroadcastGroupExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A durable group's consumer name that holds nothing and was idle this long is removed.</summary>
    public TimeSpan ConsumerExpiry { get; set; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (ClaimIdleTime <= TimeSpan.Zero || SweepInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Bus:Redis ClaimIdleTime, SweepInterval and PollInterval must be positive.");
        }

        if (ClaimIdleTime < SweepInterval * 2)
        {
            throw new InvalidOperationException("Bus:Redis ClaimIdleTime must be at least twice SweepInterval (live consumers refresh their messages once per sweep).");
        }

        if (NegativeAckDelay < TimeSpan.Zero || NegativeAckDelay > ClaimIdleTime)
        {
            throw new InvalidOperationException("Bus:Redis NegativeAckDelay must be between zero and ClaimIdleTime.");
        }

        if (MaxLength is <= 0)
        {
            throw new InvalidOperationException("Bus:Redis MaxLength must be positive when set.");
        }
    }
}
