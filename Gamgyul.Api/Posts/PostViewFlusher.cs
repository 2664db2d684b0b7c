using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Adds the views buffered in Redis to <c>posts.views_count</c>: the pending hash is renamed atomically
/// (new views start a fresh one), written in one UPDATE, then dropped. A batch whose write failed stays
/// under the flushing key and is retried first on the next run.
/// </summary>
public sealed class PostViewFlusher(IConnectionMultiplexer redis, IServiceScopeFactory scopes,
    IOptions<ViewCountingOptions> options)
{
    // KEYS[1] pending, KEYS[2] flushing: take the pending batch unless an unfinished one is waiting.
    private const string TakeScript = """
        if redis.call('EXISTS', KEYS[2]) == 0 then
          if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
          redis.call('RENAME', KEYS[1], KEYS[2])
        end
        return redis.call('HGETALL', KEYS[2])
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Flushes once; returns the number of views written.</summary>
    public async Task<long> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            RedisKey pending = options.Value.PendingKey;
            RedisKey flushing = options.Value.KeyPrefix + "flushing";
            var database = redis.GetDatabase();
            var entries = (RedisResult[])(await database.ScriptEvaluateAsync(TakeScript, [pending, flushing]))!;
            if (entries.Length == 0)
            {
                return 0;
            }

            var ids = new List<Guid>(entries.Length / 2);
            var counts = new List<long>(entries.Length / 2);
            for (var i = 0; i + 1 < entries.Length; i += 2)
            {
                var count = (long)entries[i + 1];
                if (Guid.TryParseExact((string)entries[i]!, "N", out var id) && count > 0)
                {
                    ids.Add(id);
                    counts.Add(count);
                }
            }

            // Read caches keep their entries: a view count a few seconds behind is fine, an emptied cache is not.
            using (DatabaseWrites.Unobserved())
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
                var idArray = ids.ToArray();
                var countArray = counts.ToArray();
                // One statement for the whole batch; posts deleted meanwhile simply match nothing.
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE posts SET views_count = posts.views_count + v.n
                    FROM unnest({idArray}::uuid[], {countArray}::bigint[]) AS v(id, n)
                    WHERE posts.id = v.id
                    """, cancellationToken);
            }

            await database.KeyDeleteAsync(flushing);
            return counts.Sum();
        }
        finally
        {
            _gate.Release();
        }
    }
}
