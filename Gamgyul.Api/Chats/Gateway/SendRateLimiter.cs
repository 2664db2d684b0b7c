using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// Messages per second per user on this node (a token bucket shared by the user's sockets here). Over the limit a
/// send is refused with an error frame; the socket stays open.
/// </summary>
public sealed class SendRateLimiter(IOptions<ChatOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    public bool TryTake(Guid userId)
    {
        var settings = options.Value;
        var bucket = _buckets.GetOrAdd(userId, _ => new Bucket(settings.MessageBurst, clock.GetTimestamp()));
        lock (bucket)
        {
            var now = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(settings.MessageBurst, bucket.Tokens + elapsed * settings.MessagesPerSecond);
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    /// <summary>Forgets a user who has no socket left on this node.</summary>
    public void Forget(Guid userId) => _buckets.TryRemove(userId, out _);

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;
        public long Stamp { get; set; } = stamp;
    }
}
