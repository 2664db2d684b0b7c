using Gamgyul.Messaging;
using Gamgyul.Messaging.Redis;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// Publishing wakes a stream's sleeping consumers over pub/sub, with at most one wake-up in flight per stream
/// and node, yet never leaves an entry waiting for the next poll. The consumer here polls once a minute, so every
/// entry it gets within seconds came through a wake-up.
/// </summary>
public sealed class RedisWakeUpTests
{
    [Fact]
    public async Task Concurrent_publishes_share_wake_ups_and_the_last_entry_is_still_delivered_at_once()
    {
        var services = await TestServices.GetAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(services.CreateRedisConnectionString());
        var options = new RedisStreamsOptions
        {
            KeyPrefix = $"wake-{Guid.NewGuid():N}:",
            PollInterval = TimeSpan.FromMinutes(1),
            SweepInterval = TimeSpan.FromMinutes(1),
            ClaimIdleTime = TimeSpan.FromMinutes(2),
        };
        await using var bus = new RedisMessageBus(connection, options, "node-wake", NullLoggerFactory.Instance);
        const string Topic = "wake-ups";
        var wakeUps = 0;
        await connection.GetSubscriber().SubscribeAsync(RedisMessageBus.NotifyChannel(bus.StreamKey(Topic)),
            (_, _) => Interlocked.Increment(ref wakeUps));
        await using var consumer = await bus.SubscribeAsync(Topic, SubscriptionOptions.Durable("sleepy"));
        const int Publishers = 20, PerPublisher = 50;

        // Rounds: each sends a burst from every publisher at once, then waits until the consumer has them all.
        var received = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var round = 0; round < PerPublisher; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p =>
                bus.PublishAsync(Topic, new OutgoingMessage($"k{p}", "x"u8.ToArray()))));
            for (var i = 0; i < Publishers; i++)
            {
                await consumer.AcknowledgeAsync(await consumer.ReceiveAsync(deadline.Token));
                received++;
            }
        }

        Assert.Equal(Publishers * PerPublisher, received);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // Let the last wake-ups reach the counting subscriber.
        // One per entry would be 1 000; bursts of 20 share a few each.
        Assert.InRange(Volatile.Read(ref wakeUps), PerPublisher, Publishers * PerPublisher / 2);
    }
}
