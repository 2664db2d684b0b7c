using System.Diagnostics;
using System.Text;
using Gamgyul.Messaging;
using Gamgyul.Messaging.Redis;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gamgyul.Tests.Messaging;

/// <summary>What the Redis Streams adapter does on the server, checked with real redis-server commands.</summary>
public sealed class RedisStreamsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly List<IAsyncDisposable> _owned = [];
    private ConnectionMultiplexer _redis = null!;

    private IDatabase Db => _redis.GetDatabase();

    public async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(services.CreateRedisConnectionString());
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_message_is_one_stream_entry_with_key_payload_and_header_fields()
    {
        var bus = Bus();
        var topic = NewTopic();

        var receipt = await bus.PublishAsync(topic, new OutgoingMessage("post-1", "{}"u8.ToArray(),
            new Dictionary<string, string> { ["event-type"] = "post.created" }));

        var entry = Assert.Single(await Db.StreamRangeAsync($"gamgyul:bus:{topic}"));
        Assert.Equal(receipt.MessageId, (string?)entry.Id);
        var fields = entry.Values.ToDictionary(v => (string)v.Name!, v => (string?)v.Value);
        Assert.Equal(new Dictionary<string, string?> { ["k"] = "post-1", ["p"] = "{}", ["h.event-type"] = "post.created" }, fields);
    }

    [Fact]
    public async Task Publishing_trims_the_stream_to_about_the_maximum_length()
    {
        var bus = Bus(o => o.MaxLength = 10);
        var topic = NewTopic();

        for (var i = 0; i < 400; i++)
        {
            await bus.PublishAsync(topic, Text("k", $"m{i}"));
        }

        // "~" trimming drops whole internal nodes (100 entries by default), so the length is near, not at, 10.
        Assert.InRange(await Db.StreamLengthAsync($"gamgyul:bus:{topic}"), 10, 200);
    }

    [Fact]
    public async Task Entries_older_than_the_maximum_age_are_trimmed()
    {
        var bus = Bus(o =>
        {
            o.MaxAge = TimeSpan.FromHours(1);
            o.TrimInterval = TimeSpan.Zero;
        });
        var topic = NewTopic();
        var key = $"gamgyul:bus:{topic}";
        await Db.StreamAddAsync(key, "k", "ancient", messageId: "1000-0"); // stored in 1970

        await bus.PublishAsync(topic, Text("k", "fresh"));

        await Until(async () => await Db.StreamLengthAsync(key) == 1);
        Assert.Equal("fresh", (string?)(await Db.StreamRangeAsync(key)).Single()["p"]);
    }

    [Fact]
    public async Task A_graceful_stop_hands_unacknowledged_messages_to_the_group_at_once()
    {
        // A claim timeout far longer than the test: only the hand-back on dispose can make this pass in time.
        var slow = Options(o => o.ClaimIdleTime = TimeSpan.FromMinutes(5));
        var topic = NewTopic();
        var stopping = await Bus(slow).SubscribeAsync(topic, SubscriptionOptions.Durable("handover"));
        await Bus(slow).PublishAsync(topic, Text("k", "in flight"));
        var taken = await stopping.ReceiveAsync().AsTask().WaitAsync(Wait);

        await stopping.DisposeAsync();
        var successor = await Bus(slow).SubscribeAsync(topic, SubscriptionOptions.Durable("handover"));
        var clock = Stopwatch.StartNew();
        var handedOver = await successor.ReceiveAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(taken.MessageId, handedOver.MessageId);
        Assert.Equal(1, handedOver.RedeliveryCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_crashed_consumers_messages_are_claimed_only_after_the_idle_timeout()
    {
        var options = Options(o => o.ClaimIdleTime = TimeSpan.FromMilliseconds(1500));
        var topic = NewTopic();
        var crashingConnection = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var crashing = await Bus(options, crashingConnection).SubscribeAsync(topic, SubscriptionOptions.Durable("claims"));
        await Bus(options).PublishAsync(topic, Text("k", "orphan"));
        var taken = await crashing.ReceiveAsync().AsTask().WaitAsync(Wait);
        var clock = Stopwatch.StartNew();
        await crashingConnection.CloseAsync(allowCommandsToComplete: false);

        var survivor = await Bus(options).SubscribeAsync(topic, SubscriptionOptions.Durable("claims"));
        var claimed = await survivor.ReceiveAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(taken.MessageId, claimed.MessageId);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1200), $"Claimed after {clock.Elapsed}, before the idle timeout");
        var pending = Assert.Single(await Db.StreamPendingMessagesAsync($"gamgyul:bus:{topic}", "claims", 10, RedisValue.Null));
        Assert.Equal(2, pending.DeliveryCount);
        Assert.NotEqual(crashing.SubscriptionName + "x", (string?)pending.ConsumerName);
        await crashingConnection.DisposeAsync();
    }

    [Fact]
    public async Task A_live_consumer_keeps_a_message_it_handles_longer_than_the_claim_timeout()
    {
        var topic = NewTopic();
        // The holder sweeps less often than the other consumer: without its refresh, the other would win the claim.
        var holder = await Bus(o => (o.ClaimIdleTime, o.SweepInterval) = (TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300)))
            .SubscribeAsync(topic, SubscriptionOptions.Durable("patient"));
        await Bus().PublishAsync(topic, Text("k", "long job"));
        var message = await holder.ReceiveAsync().AsTask().WaitAsync(Wait);
        var other = await Bus(o => (o.ClaimIdleTime, o.SweepInterval) = (TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)))
            .SubscribeAsync(topic, SubscriptionOptions.Durable("patient"));

        await Task.Delay(TimeSpan.FromSeconds(3)); // the handler is slow; its node is alive

        await holder.AcknowledgeAsync(message);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.ReceiveAsync(cancel.Token).AsTask());
        Assert.Empty(await Db.StreamPendingMessagesAsync($"gamgyul:bus:{topic}", "patient", 10, RedisValue.Null));
    }

    [Fact]
    public async Task A_sleeping_consumer_is_woken_by_a_publish_rather_than_its_poll()
    {
        var lazy = Options(o =>
        {
            o.PollInterval = TimeSpan.FromSeconds(30);
            o.SweepInterval = TimeSpan.FromSeconds(30);
            o.ClaimIdleTime = TimeSpan.FromMinutes(2);
        });
        var topic = NewTopic();
        var consumer = await Bus(lazy).SubscribeAsync(topic, SubscriptionOptions.Broadcast("live"));
        await Task.Delay(300); // let its loop go to sleep

        var clock = Stopwatch.StartNew();
        await Bus(lazy).PublishAsync(topic, Text("room", "now"));
        await consumer.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Delivered after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_broadcast_group_per_node_is_destroyed_when_its_consumer_stops()
    {
        var topic = NewTopic();
        var key = $"gamgyul:bus:{topic}";
        var a = await Bus().SubscribeAsync(topic, SubscriptionOptions.Broadcast("gateway"));
        var b = await Bus().SubscribeAsync(topic, SubscriptionOptions.Broadcast("gateway"));
        Assert.Equal(new[] { a.SubscriptionName, b.SubscriptionName }.Order(), (await Db.StreamGroupInfoAsync(key)).Select(g => g.Name).Order());

        await a.DisposeAsync();

        Assert.Equal([b.SubscriptionName], (await Db.StreamGroupInfoAsync(key)).Select(g => g.Name));
        Assert.Equal([b.SubscriptionName], (await Db.SortedSetRangeByRankAsync($"{key}:broadcast-groups")).Select(v => (string?)v));
    }

    [Fact]
    public async Task A_broadcast_group_whose_node_stopped_sending_heartbeats_is_removed_by_another_node()
    {
        var topic = NewTopic();
        var key = $"gamgyul:bus:{topic}";
        await Db.StreamCreateConsumerGroupAsync(key, "gateway.dead-node", "$", createStream: true);
        await Db.SortedSetAddAsync($"{key}:broadcast-groups", "gateway.dead-node", DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());

        var alive = await Bus(o => o.BroadcastGroupExpiry = TimeSpan.FromMinutes(1)).SubscribeAsync(topic, SubscriptionOptions.Broadcast("gateway"));

        await Until(async () => (await Db.StreamGroupInfoAsync(key)).Length == 1);
        Assert.Equal([alive.SubscriptionName], (await Db.StreamGroupInfoAsync(key)).Select(g => g.Name));
        Assert.Equal([alive.SubscriptionName], (await Db.SortedSetRangeByRankAsync($"{key}:broadcast-groups")).Select(v => (string?)v));
    }

    [Fact]
    public async Task Idle_consumer_names_holding_nothing_are_removed_from_a_durable_group()
    {
        var topic = NewTopic();
        var key = $"gamgyul:bus:{topic}";
        await Db.StreamCreateConsumerGroupAsync(key, "workers", "0", createStream: true);
        await Db.StreamReadGroupAsync(key, "workers", "gone-node", ">"); // registers a consumer name that holds nothing
        await Task.Delay(50);

        var consumer = await Bus(o => o.ConsumerExpiry = TimeSpan.FromMilliseconds(10)).SubscribeAsync(topic, SubscriptionOptions.Durable("workers"));

        await Until(async () => (await Db.StreamConsumerInfoAsync(key, "workers")).All(c => c.Name != "gone-node"));
        Assert.NotNull(consumer);
    }

    [Fact]
    public async Task A_deleted_consumer_group_is_recreated_and_reading_continues()
    {
        var topic = NewTopic();
        var bus = Bus();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("phoenix"));
        await Db.StreamDeleteConsumerGroupAsync($"gamgyul:bus:{topic}", "phoenix");

        await bus.PublishAsync(topic, Text("k", "still delivered"));

        Assert.Equal("still delivered", Encoding.UTF8.GetString((await consumer.ReceiveAsync().AsTask().WaitAsync(Wait)).Payload.Span));
    }

    [Fact]
    public async Task Publishing_when_redis_is_unreachable_fails_with_a_bus_exception()
    {
        await using var nowhere = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200,asyncTimeout=500,syncTimeout=500");
        var bus = Bus(Options(), nowhere);

        var error = await Assert.ThrowsAsync<MessageBusException>(() => bus.PublishAsync(NewTopic(), Text("k", "nowhere")));

        Assert.IsAssignableFrom<RedisException>(error.InnerException);
    }

    private RedisMessageBus Bus(Action<RedisStreamsOptions>? configure = null, IConnectionMultiplexer? connection = null) =>
        Bus(Options(configure), connection);

    private RedisMessageBus Bus(RedisStreamsOptions options, IConnectionMultiplexer? connection = null)
    {
        var bus = new RedisMessageBus(connection ?? _redis, options, $"node-{Guid.NewGuid():N}"[..13], NullLoggerFactory.Instance);
        _owned.Add(bus);
        return bus;
    }

    private static RedisStreamsOptions Options(Action<RedisStreamsOptions>? configure = null)
    {
        var options = RedisStreamsConformanceTests.FastOptions();
        configure?.Invoke(options);
        return options;
    }

    private static string NewTopic() => $"redis-{Guid.NewGuid():N}";

    private static OutgoingMessage Text(string key, string body) => new(key, Encoding.UTF8.GetBytes(body));

    private static async Task Until(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Wait)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(20);
        }
    }
}
