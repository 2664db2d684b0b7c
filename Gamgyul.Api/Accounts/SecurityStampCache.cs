using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// The current security stamp of each user, for checking the <c>sstamp</c> claim of access tokens on every
/// request. Cached briefly in Redis (shared by all nodes) and dropped from the cache whenever the stamp
/// changes, so a password change, reset or account deletion stops old tokens at once. If Redis fails the
/// database answers directly. In front of both, each node keeps recently checked stamps in memory
/// (<see cref="SecurityStampMemory"/>), dropped on every node when a stamp changes.
/// </summary>
public sealed class SecurityStampCache(
    GamgyulDbContext db,
    IConnectionMultiplexer redis,
    SecurityStampMemory memory,
    IOptions<AccountsOptions> options,
    ILogger<SecurityStampCache> logger)
{
    // A stored empty string means "no such active user", so deleted users are cached too.
    private const string NoUser = "";

    /// <summary>The stamp of the active user, or null when the user does not exist or is deleted.</summary>
    public async Task<string?> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (memory.TryGet(userId, out var remembered))
        {
            return remembered == NoUser ? null : remembered;
        }

        var readAt = memory.Generation;
        var key = Key(userId);
        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(key);
            if (cached.HasValue)
            {
                var value = cached.ToString();
                memory.Remember(userId, value, readAt);
                return value == NoUser ? null : value;
            }
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Security stamp cache unavailable; reading the database");
        }

        var stamp = await db.Users
            .Where(u => u.Id == userId && u.DeletedAt == null)
            .Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(cancellationToken);
        try
        {
            await redis.GetDatabase().StringSetAsync(key, stamp ?? NoUser,
                TimeSpan.FromSeconds(options.Value.SecurityStampCacheSeconds));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not cache the security stamp");
        }

        memory.Remember(userId, stamp ?? NoUser, readAt);
        return stamp;
    }

    /// <summary>Call after anything that changed the user's stamp or deleted the user.</summary>
    public async Task InvalidateAsync(Guid userId)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(userId));
        }
        catch (RedisException exception)
        {
            // The entry expires within SecurityStampCacheSeconds anyway.
            logger.LogError(exception, "Could not drop the cached security stamp of {UserId}", userId);
        }

        // After the Redis entry is gone, so a node that drops its copy cannot re-read the old stamp from Redis.
        await memory.AnnounceChangeAsync(userId);
    }

    private static RedisKey Key(Guid userId) => $"accounts:sstamp:{userId:N}";
}
