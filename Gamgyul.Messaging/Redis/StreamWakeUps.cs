using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Gamgyul.Messaging.Redis;

/// <summary>
/// Wakes a stream's sleeping consumers after a publish, with at most one wake-up per stream in flight from this
/// node. Under load, one wake-up per published entry costs Redis and every subscribed node a pub/sub message each
/// while the consumers are awake and reading anyway. No wake-up is lost: a publish that finds one in flight marks
/// the stream, and when that wake-up has been answered another one is sent, after every marked entry's XADD (same
/// connection, so Redis runs them in that order).
/// </summary>
internal sealed class StreamWakeUps(IConnectionMultiplexer redis)
{
    private readonly ConcurrentDictionary<RedisChannel, State> _streams = new();

    /// <summary>Call after the entry's XADD has been answered.</summary>
    public void Wake(RedisChannel channel)
    {
        var state = _streams.GetOrAdd(channel, static _ => new State());
        Volatile.Write(ref state.Missed, 1);
        TrySend(channel, state);
    }

    private void TrySend(RedisChannel channel, State state)
    {
        if (Interlocked.CompareExchange(ref state.InFlight, 1, 0) != 0)
        {
            return; // The wake-up in flight sends another when it is answered: Missed is set.
        }

        Volatile.Write(ref state.Missed, 0);
        // Consumers only wake on it; the payload carries nothing.
        redis.GetDatabase().PublishAsync(channel, RedisValue.EmptyString).ContinueWith(static (sent, s) =>
        {
            _ = sent.Exception; // A failed wake-up is not an error: consumers also poll.
            var (self, channel, state) = ((StreamWakeUps, RedisChannel, State))s!;
            Volatile.Write(ref state.InFlight, 0);
            if (Volatile.Read(ref state.Missed) == 1)
            {
                self.TrySend(channel, state);
            }
        }, (this, channel, state), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed class State
    {
        public int InFlight;
        public int Missed;
    }
}
