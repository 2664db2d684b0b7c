using System.Diagnostics;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>Polls a condition with a generous deadline: the machine running the tests may be busy.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(90);

    /// <summary>Waits until <paramref name="condition"/> holds and returns how long that took; fails the test at the deadline.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = deadline ?? DefaultDeadline;
        while (true)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }
}
