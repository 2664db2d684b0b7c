using Gamgyul.Messaging.Internal;

namespace Gamgyul.Tests.Messaging;

public class BackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Fact]
    public void Delay_doubles_per_attempt_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 8).Select(a => Backoff.Delay(a, Initial, Max).TotalMilliseconds).ToList();

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000], delays);
    }

    [Fact]
    public void Jittered_delay_stays_within_half_and_all_of_the_plain_delay()
    {
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var plain = Backoff.Delay(attempt, Initial, Max);
            for (var sample = 0; sample < 200; sample++)
            {
                var jittered = Backoff.Delay(attempt, Initial, Max, jitter: true);
                Assert.InRange(jittered, plain / 2, plain);
            }
        }
    }
}
