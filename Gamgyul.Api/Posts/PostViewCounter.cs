using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Counts post views without a database write per read: a view marks the viewer as seen for the de-duplication
/// window in Redis and, only if they were not seen yet, adds one to the post's pending count.
/// <see cref="PostViewFlusher"/> moves pending counts into Postgres in batches. Views waiting at the same moment
/// go to Redis together, in one script call (a single writer sends whatever queued up while the previous call
/// was out): one Redis command per view was a fifth of a node's CPU for popular anonymous reads.
/// </summary>
public sealed class PostViewCounter : IAsyncDisposable
{
    // KEYS[1] pending hash, KEYS[1 + i] seen marker of view i; ARGV[1] window seconds, ARGV[1 + i] post id of view i.
    // Returns, per view, the post's pending (not yet flushed) count, including the view when it counted.
    private const string RecordScript = """
        local counts = {}
        for i = 2, #KEYS do
          if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then
            counts[i - 1] = redis.call('HINCRBY', KEYS[1], ARGV[i], 1)
          else
            counts[i - 1] = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
          end
        end
        return counts
        """;

    private const int MaxBatch = 256;

    private readonly IConnectionMultiplexer redis;
    private readonly IOptions<ViewCountingOptions> options;
    private readonly ILogger<PostViewCounter> logger;
    private readonly Channel<PendingView> queue = Channel.CreateUnbounded<PendingView>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public PostViewCounter(IConnectionMultiplexer redis, IOptions<ViewCountingOptions> options, ILogger<PostViewCounter> logger)
    {
        this.redis = redis;
        this.options = options;
        this.logger = logger;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Records a view and returns the views not yet in the database (0 if Redis is unavailable).</summary>
    public Task<long> RecordAsync(Guid postId, string viewerKey)
    {
        var view = new PendingView(postId.ToString("N"), viewerKey);
        return queue.Writer.TryWrite(view) ? view.Counted.Task : Task.FromResult(0L);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingView>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var view))
            {
                batch.Add(view);
            }

            await RecordBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task RecordBatchAsync(List<PendingView> batch)
    {
        var settings = options.Value;
        var keys = new RedisKey[batch.Count + 1];
        var values = new RedisValue[batch.Count + 1];
        keys[0] = settings.PendingKey;
        values[0] = settings.DedupWindowSeconds;
        for (var i = 0; i < batch.Count; i++)
        {
            keys[i + 1] = settings.KeyPrefix + "seen:" + batch[i].Post + ":" + batch[i].Viewer;
            values[i + 1] = batch[i].Post;
        }

        try
        {
            var counts = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(RecordScript, keys, values))!;
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Counted.TrySetResult(counts[i]);
            }
        }
        catch (Exception exception)
        {
            // A view is not worth failing the read for, and every waiting reader must be answered: the writer goes on.
            logger.LogWarning(exception, "Could not record {Count} post views", batch.Count);
            foreach (var view in batch)
            {
                view.Counted.TrySetResult(0);
            }
        }
    }

    private sealed record PendingView(string Post, string Viewer)
    {
        public TaskCompletionSource<long> Counted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
