using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Counts post views without a database write per read: each view is one Redis round trip that marks the
/// viewer as seen for the de-duplication window and, only if they were not seen yet, adds one to the
/// post's pending count. <see cref="PostViewFlusher"/> moves pending counts into Postgres in batches.
/// </summary>
public sealed class PostViewCounter(IConnectionMultiplexer redis, IOptions<ViewCountingOptions> options,
    ILogger<PostViewCounter> logger)
{
    // KEYS[1] seen marker, KEYS[2] pending hash; ARGV[1] window seconds, ARGV[2] post id.
    // Returns the post's pending (not yet flushed) count, including this view when it counted.
    private const string RecordScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
          return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
        end
        return tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
        """;

    internal string PendingKey => options.Value.KeyPrefix + "pending";

    /// <summary>Records a view and returns the views not yet in the database (0 if Redis is unavailable).</summary>
    public async Task<long> RecordAsync(Guid postId, string viewerKey)
    {
        var settings = options.Value;
        var post = postId.ToString("N");
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(RecordScript,
                [settings.KeyPrefix + "seen:" + post + ":" + viewerKey, PendingKey],
                [settings.DedupWindowSeconds, post]);
            return (long)result;
        }
        catch (RedisException exception)
        {
            // A view is not worth failing the read for.
            logger.LogWarning(exception, "Could not record a view of post {PostId}", postId);
            return 0;
        }
    }

    /// <summary>
    /// The viewer's identity for de-duplication: the user id when signed in, else a hash of the client
    /// address and user agent (never stored in clear).
    /// </summary>
    public static string ViewerKey(HttpContext context, Guid? userId)
    {
        if (userId is { } id)
        {
            return "u" + id.ToString("N");
        }

        var source = $"{context.Connection.RemoteIpAddress}|{context.Request.Headers.UserAgent}";
        return "a" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)).AsSpan(0, 12));
    }
}
