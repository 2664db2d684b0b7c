namespace Gamgyul.Messaging.Internal;

/// <summary>Exponential backoff shared by reconnect loops and the outbox relay.</summary>
internal static class Backoff
{
    /// <summary>
    /// <paramref name="initial"/> doubled per earlier attempt (attempt 1 waits <paramref name="initial"/>), capped at
    /// <paramref name="max"/>. With <paramref name="jitter"/> the delay is spread over [50 %, 100 %] so that many
    /// clients that lost the same broker do not all come back in the same millisecond.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, bool jitter = false)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        if (jitter)
        {
            ticks *= 0.5 + (Random.Shared.NextDouble() * 0.5);
        }

        return TimeSpan.FromTicks((long)ticks);
    }
}
