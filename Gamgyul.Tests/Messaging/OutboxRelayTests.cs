using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging;
using Gamgyul.Messaging.InMemory;
using Gamgyul.Messaging.Outbox;
using Gamgyul.Messaging.Redis;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Tests.Messaging;

/// <summary>The outbox relay against real PostgreSQL (a fresh database per test) and, where it matters, real Redis.</summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly List<IAsyncDisposable> _owned = [];
    private string _database = string.Empty;
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _services = await TestServices.GetAsync();
        _database = await _services.CreateDatabaseAsync(nameof(OutboxRelayTests));
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Outbox_events_are_published_to_content_events_keyed_with_event_id_type_and_time_headers()
    {
        var bus = await RedisBusAsync();
        var rows = await WriteAsync(
            OutboxMessageFactory.Create("post.created", "post-1", new { post_id = 1, text = "제주 감귤" }, T0),
            OutboxMessageFactory.Create("product.changed", "product-9", new { product_id = 9 }, T0.AddSeconds(1)),
            OutboxMessageFactory.Create("post.updated", "post-1", new { post_id = 1, text = "제주 감귤 10kg" }, T0.AddSeconds(2)));

        var published = await Relay(bus, out _).RelayBatchAsync(CancellationToken.None);

        Assert.Equal(3, published);
        var consumer = await bus.SubscribeAsync(Topics.ContentEvents, SubscriptionOptions.Durable("search-indexer"));
        foreach (var row in rows)
        {
            var message = await consumer.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(row.Key, message.Key);
            Assert.Equal(row.Id.ToString(), message.Header(MessageHeaders.EventId));
            Assert.Equal(row.Type, message.Header(MessageHeaders.EventType));
            Assert.Equal(row.OccurredAt, DateTimeOffset.Parse(message.Header(MessageHeaders.OccurredAt)!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(MessageHeaders.JsonContentType, message.Header(MessageHeaders.ContentType));
            // jsonb normalises whitespace, so compare the JSON, not the text.
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(row.Payload).RootElement, JsonDocument.Parse(message.Payload).RootElement));
            await consumer.AcknowledgeAsync(message);
        }

        await using var db = TestServices.CreateDbContext(_database);
        Assert.All(await db.Outbox.ToListAsync(), row =>
        {
            Assert.NotNull(row.PublishedAt);
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.NextAttemptAt);
        });
    }

    [Fact]
    public async Task A_failing_bus_backs_off_exponentially_then_dead_letters_the_event()
    {
        var clock = new ManualTimeProvider(T0);
        var bus = ScriptedBus.Failing("broker down");
        var relay = Relay(bus, out var metrics, clock, new OutboxRelayOptions
        {
            MaxAttempts = 3,
            InitialBackoff = TimeSpan.FromSeconds(10),
            MaxBackoff = TimeSpan.FromMinutes(1),
        });
        using var listener = new MetricsRecorder(metrics);
        var id = (await WriteAsync(OutboxMessageFactory.Create("post.created", "post-1", new { }, T0)))[0].Id;

        await relay.RelayBatchAsync(CancellationToken.None);
        var first = await RowAsync(id);
        Assert.Equal((1, T0.AddSeconds(10), "broker down", (DateTimeOffset?)null), (first.Attempts, first.NextAttemptAt, first.LastError, first.DeadLetteredAt));

        clock.Advance(TimeSpan.FromSeconds(5)); // not due yet
        await relay.RelayBatchAsync(CancellationToken.None);
        Assert.Equal(1, (await RowAsync(id)).Attempts);

        clock.Now = T0.AddSeconds(10);
        await relay.RelayBatchAsync(CancellationToken.None);
        Assert.Equal((2, T0.AddSeconds(30)), ((await RowAsync(id)).Attempts, (await RowAsync(id)).NextAttemptAt));

        clock.Now = T0.AddSeconds(30);
        await relay.RelayBatchAsync(CancellationToken.None);
        var dead = await RowAsync(id);
        Assert.Equal((3, T0.AddSeconds(30), (DateTimeOffset?)null), (dead.Attempts, dead.DeadLetteredAt, dead.NextAttemptAt));
        Assert.Null(dead.PublishedAt);

        clock.Advance(TimeSpan.FromHours(1));
        await relay.RelayBatchAsync(CancellationToken.None);
        Assert.Equal(3, bus.Attempts.Count);
        Assert.Equal(3, listener.Sum("gamgyul.outbox.publish_failures"));
        Assert.Equal(1, listener.Sum("gamgyul.outbox.dead_lettered"));
        Assert.Equal(0, listener.Sum("gamgyul.outbox.published"));
        Assert.Equal(0, listener.Observe("gamgyul.outbox.backlog"));
    }

    [Fact]
    public async Task A_publish_the_bus_never_confirms_fails_after_the_publish_timeout()
    {
        var relay = Relay(ScriptedBus.Hanging(), out _, options: new OutboxRelayOptions { PublishTimeout = TimeSpan.FromMilliseconds(200) });
        var id = (await WriteAsync(OutboxMessageFactory.Create("post.created", "post-1", new { }, DateTimeOffset.UtcNow)))[0].Id;

        var clock = Stopwatch.StartNew();
        await relay.RelayBatchAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("Not confirmed", row.LastError, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_later_event_of_a_key_waits_while_an_earlier_one_backs_off_and_other_keys_go_on()
    {
        var clock = new ManualTimeProvider(T0);
        var rows = await WriteAsync(
            OutboxMessageFactory.Create("post.created", "a", new { n = 1 }, T0),
            OutboxMessageFactory.Create("post.created", "b", new { n = 2 }, T0.AddMilliseconds(1)),
            OutboxMessageFactory.Create("post.updated", "a", new { n = 3 }, T0.AddMilliseconds(2)));
        var inner = new InMemoryMessageBus();
        var failOnce = rows[0].Id.ToString();
        var bus = new ScriptedBus((message, ct) =>
            message.Headers[MessageHeaders.EventId] == failOnce && Interlocked.Exchange(ref failOnce, "done") != "done"
                ? Task.FromException<PublishReceipt>(new MessageBusException("hiccup"))
                : inner.PublishAsync(Topics.ContentEvents, message, ct));
        var relay = Relay(bus, out _, clock, new OutboxRelayOptions { InitialBackoff = TimeSpan.FromSeconds(5) });

        await relay.RelayBatchAsync(CancellationToken.None); // a1 fails: the round stops there
        await relay.RelayBatchAsync(CancellationToken.None); // b goes; a2 must wait for a1
        clock.Advance(TimeSpan.FromSeconds(5));
        await relay.RelayBatchAsync(CancellationToken.None); // a1, then a2

        var consumer = await inner.SubscribeAsync(Topics.ContentEvents, SubscriptionOptions.Durable("check"));
        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await consumer.ReceiveAsync()).Header(MessageHeaders.EventId)!);
        }

        Assert.Equal([rows[1].Id.ToString(), rows[0].Id.ToString(), rows[2].Id.ToString()], order);
    }

    [Fact]
    public async Task A_dead_lettered_event_no_longer_holds_back_its_key()
    {
        var rows = await WriteAsync(
            OutboxMessageFactory.Create("post.created", "a", new { n = 1 }, T0),
            OutboxMessageFactory.Create("post.updated", "a", new { n = 2 }, T0.AddSeconds(1)));
        await using (var db = TestServices.CreateDbContext(_database))
        {
            await db.Outbox.Where(m => m.Id == rows[0].Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadLetteredAt, T0));
        }

        var bus = new InMemoryMessageBus();
        var published = await Relay(bus, out _).RelayBatchAsync(CancellationToken.None);

        Assert.Equal(1, published);
        Assert.NotNull((await RowAsync(rows[1].Id)).PublishedAt);
        Assert.Null((await RowAsync(rows[0].Id)).PublishedAt);
    }

    [Fact]
    public async Task Two_relays_at_once_publish_every_event_once_and_in_order_per_key()
    {
        var events = Enumerable.Range(0, 200)
            .Select(i => OutboxMessageFactory.Create("post.updated", $"post-{i % 5}", new { n = i }, T0.AddMilliseconds(i)))
            .ToArray();
        await WriteAsync(events);
        var broker = new InMemoryBroker();
        var bus = new InMemoryMessageBus(broker);
        var options = new OutboxRelayOptions { BatchSize = 20 };
        var relays = new[] { Relay(bus, out _, options: options), Relay(bus, out _, options: options) };

        async Task Drain(OutboxRelay relay)
        {
            var idle = 0;
            while (idle < 5)
            {
                idle = await relay.RelayBatchAsync(CancellationToken.None) == 0 ? idle + 1 : 0;
                await Task.Delay(idle * 5);
            }
        }

        await Task.WhenAll(relays.Select(r => Task.Run(() => Drain(r))));

        var consumer = await bus.SubscribeAsync(Topics.ContentEvents, SubscriptionOptions.Durable("check"));
        var received = new List<ReceivedMessage>();
        for (var i = 0; i < 200; i++)
        {
            received.Add(await consumer.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(200, received.Select(m => m.Header(MessageHeaders.EventId)).Distinct().Count());
        foreach (var key in received.GroupBy(m => m.Key))
        {
            var expected = events.Where(e => e.Key == key.Key).Select(e => e.Id.ToString());
            Assert.Equal(expected, key.Select(m => m.Header(MessageHeaders.EventId)));
        }

        await using var db = TestServices.CreateDbContext(_database);
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.PublishedAt == null));
    }

    [Fact]
    public async Task Backlog_age_and_published_count_are_reported_on_the_Gamgyul_meter()
    {
        var clock = new ManualTimeProvider(T0.AddMinutes(2));
        await WriteAsync(Enumerable.Range(0, 4)
            .Select(i => OutboxMessageFactory.Create("post.created", $"k{i}", new { }, T0.AddSeconds(i))).ToArray());
        var relay = Relay(new InMemoryMessageBus(), out var metrics, clock, new OutboxRelayOptions { BatchSize = 3 });
        using var listener = new MetricsRecorder(metrics);

        await relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal("Gamgyul", metrics.Meter.Name);
        Assert.Equal(3, listener.Sum("gamgyul.outbox.published"));
        Assert.Equal(1, listener.Observe("gamgyul.outbox.backlog"));
        Assert.Equal(117, listener.Observe("gamgyul.outbox.oldest_pending_age")); // written at T0+3s, now T0+120s
    }

    [Fact]
    public async Task The_hosted_relay_publishes_an_event_written_after_it_started()
    {
        var bus = await RedisBusAsync();
        var relay = Relay(bus, out _, options: new OutboxRelayOptions { PollInterval = TimeSpan.FromMilliseconds(100) });
        var consumer = await bus.SubscribeAsync(Topics.ContentEvents, SubscriptionOptions.Durable("search-indexer"));
        await relay.StartAsync(CancellationToken.None);
        try
        {
            var row = (await WriteAsync(OutboxMessageFactory.Create("post.deleted", "post-5", new { post_id = 5 }, DateTimeOffset.UtcNow)))[0];

            var message = await consumer.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(row.Id.ToString(), message.Header(MessageHeaders.EventId));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    private OutboxRelay Relay(IMessageBus bus, out OutboxMetrics metrics, TimeProvider? time = null, OutboxRelayOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddDbContext<GamgyulDbContext>(o => o.UseNpgsql(_database).UseGamgyulConventions());
        services.AddMetrics();
        services.AddSingleton<OutboxMetrics>();
        var provider = services.BuildServiceProvider();
        _owned.Add(provider);
        metrics = provider.GetRequiredService<OutboxMetrics>();
        return new OutboxRelay(provider.GetRequiredService<IServiceScopeFactory>(), bus, Options.Create(options ?? new OutboxRelayOptions()),
            metrics, time ?? TimeProvider.System, NullLogger<OutboxRelay>.Instance);
    }

    private async Task<IMessageBus> RedisBusAsync()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(_services.CreateRedisConnectionString());
        var options = RedisStreamsConformanceTests.FastOptions();
        options.KeyPrefix = $"outbox-test-{Guid.NewGuid():N}:";
        var bus = new RedisMessageBus(redis, options, "relay-test", NullLoggerFactory.Instance);
        _owned.Add(redis);
        _owned.Add(bus);
        return bus;
    }

    private async Task<OutboxMessage[]> WriteAsync(params OutboxMessage[] rows)
    {
        await using var db = TestServices.CreateDbContext(_database);
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var db = TestServices.CreateDbContext(_database);
        return await db.Outbox.SingleAsync(m => m.Id == id);
    }

    /// <summary>Listens to one <see cref="OutboxMetrics"/> instance's meter only, so parallel tests do not mix.</summary>
    private sealed class MetricsRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, double> _sums = [];
        private readonly Dictionary<string, double> _last = [];

        public MetricsRecorder(OutboxMetrics metrics)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == metrics.Meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, value, _, _) => Record(i, value));
            _listener.SetMeasurementEventCallback<double>((i, value, _, _) => Record(i, value));
            _listener.Start();
        }

        public double Sum(string name)
        {
            lock (_sums)
            {
                return _sums.GetValueOrDefault(name);
            }
        }

        public double Observe(string name)
        {
            _listener.RecordObservableInstruments();
            lock (_sums)
            {
                return _last.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} reported nothing.");
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value)
        {
            lock (_sums)
            {
                _sums[instrument.Name] = _sums.GetValueOrDefault(instrument.Name) + value;
                _last[instrument.Name] = value;
            }
        }
    }
}
