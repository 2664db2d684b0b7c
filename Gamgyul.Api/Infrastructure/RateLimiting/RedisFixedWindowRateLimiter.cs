using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Gamgyul.Api.Infrastructure.RateLimiting;

/// <summary>
/// A fixed-window limiter whose counter lives in Redis (INCR with an expiry), so that all Api nodes share
/// one budget per client. The synchronous path never touches Redis: it answers "not acquired" and the
/// rate-limiting middleware then takes the asynchronous path. If Redis fails, the request is let through
/// (fail open): a rate limit protects against abuse and must not turn a cache outage into an outage.
/// </summary>
internal sealed class RedisFixedWindowRateLimiter(
    IConnectionMultiplexer redis,
    string partitionKey,
    FixedWindowRule rule,
    TimeProvider clock,
    ILogger logger) : RateLimiter
{
    // Increments the window's counter, starting its expiry on the first hit; returns the count and the
    // milliseconds left in the window.
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        return { count, ttl }
        """;

    private long _lastUsedTimestamp = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTimestamp));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTimestamp, clock.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var window = TimeSpan.FromSeconds(rule.WindowSeconds);
        var windowNumber = clock.GetUtcNow().ToUnixTimeSeconds() / rule.WindowSeconds;
        var key = $"ratelimit:{partitionKey}:{windowNumber}";
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                IncrementScript, [key], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            if (count <= rule.PermitLimit)
            {
                return Lease.Granted;
            }

            var remaining = Math.Max((long)result[1], 0);
            return Lease.Rejected(TimeSpan.FromMilliseconds(remaining));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Rate limiting for {Partition} is off while Redis fails", partitionKey);
            return Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Deferred = new(false, null);

        public static Lease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
