using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// This node's copy of recently checked security stamps, in front of <see cref="SecurityStampCache"/>: every
/// authenticated request checks its token's stamp, and a Redis round trip per request is the largest fixed cost
/// of a small read. A stamp change is announced on a Redis channel and every node drops its copy at once. The
/// copy is only trusted while this node is subscribed: until the subscription is up, and from the moment its
/// connection fails until it is restored (announcements may have been missed meanwhile, so everything is dropped
/// then), every check goes to Redis as before.
/// </summary>
public sealed class SecurityStampMemory : IHostedService, IDisposable
{
    private static readonly RedisChannel Changes = RedisChannel.Literal("accounts:sstamp:changed");

    private readonly IConnectionMultiplexer redis;
    private readonly IOptions<AccountsOptions> options;
    private readonly ILogger<SecurityStampMemory> logger;
    private readonly MemoryCache stamps;
    private ChannelMessageQueue? changes;
    private volatile bool subscribed;

    // Bumped by every drop: a stamp read from Redis or the database before a drop must not be remembered after it.
    private long generation;

    public SecurityStampMemory(IConnectionMultiplexer redis, IOptions<AccountsOptions> options, ILogger<SecurityStampMemory> logger)
    {
        this.redis = redis;
        this.options = options;
        this.logger = logger;
        stamps = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SecurityStampMemoryEntries) });
    }

    private bool Enabled => options.Value.SecurityStampMemorySeconds > 0;

    /// <summary>The version to hand back to <see cref="Remember"/> for a stamp about to be read from the source.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The remembered stamp ("" for "no active user"), or false when it must be read from the source.</summary>
    public bool TryGet(Guid userId, out string? stamp)
    {
        stamp = null;
        return subscribed && stamps.TryGetValue(userId, out stamp);
    }

    /// <summary>Remembers a stamp read from the source, unless a change was announced since <paramref name="readAt"/>.</summary>
    public void Remember(Guid userId, string stamp, long readAt)
    {
        // Never subscribed when disabled, so nothing is remembered then either.
        if (!subscribed || readAt != Generation)
        {
            return;
        }

        stamps.Set(userId, stamp, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.SecurityStampMemorySeconds),
        });
    }

    /// <summary>Drops the user's stamp here and tells every other node to drop theirs.</summary>
    public async Task AnnounceChangeAsync(Guid userId)
    {
        Forget(userId);
        try
        {
            await redis.GetSubscriber().PublishAsync(Changes, userId.ToString("N"));
        }
        catch (RedisException exception)
        {
            // The other nodes lose their subscription on the same failure and then drop everything themselves.
            logger.LogError(exception, "Could not announce the security stamp change of {UserId}", userId);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        try
        {
            changes = await redis.GetSubscriber().SubscribeAsync(Changes);
            changes.OnMessage(message =>
            {
                if (Guid.TryParseExact(message.Message.ToString(), "N", out var userId))
                {
                    Forget(userId);
                }
            });
            subscribed = true;
        }
        catch (RedisException exception)
        {
            // Not fatal: without the subscription every check reads Redis, as it would without this class.
            logger.LogWarning(exception, "No security stamp change subscription; stamps are not kept in memory");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscribed = false;
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        return Task.CompletedTask;
    }

    public void Dispose() => stamps.Dispose();

    private void Forget(Guid userId)
    {
        Interlocked.Increment(ref generation);
        stamps.Remove(userId);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            subscribed = false;
            ForgetAll();
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            // Announcements sent while the connection was down are lost: start from nothing.
            ForgetAll();
            subscribed = changes is not null;
        }
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref generation);
        stamps.Compact(1.0);
    }
}
