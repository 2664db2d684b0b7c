using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Gamgyul.Messaging;
using Gamgyul.Messaging.Pulsar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The Pulsar client checked frame by frame against the documented WebSocket and admin protocols: URLs and query
/// parameters, the JSON of every frame, receipts, errors, reconnects and authentication.
/// </summary>
public sealed class PulsarProtocolTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new();
    private readonly List<PulsarMessageBus> _buses = [];
    private FakePulsarServer _server = null!;

    public async Task InitializeAsync() => _server = await FakePulsarServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var bus in _buses)
        {
            await bus.DisposeAsync();
        }

        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Publish_sends_the_documented_producer_frame_with_the_token_and_returns_the_brokers_message_id()
    {
        _server.RequiredToken = "s3cret";
        var bus = Bus(o => o.Token = "s3cret");

        var receipt = await bus.PublishAsync(Topics.ChatMessages,
            new OutgoingMessage("room-7", "hi"u8.ToArray(), new Dictionary<string, string> { ["event-id"] = "e-1" }));

        var handshake = Assert.Single(_server.Handshakes, h => h.Kind == "producer");
        Assert.Equal("/ws/v2/producer/persistent/public/default/chat-messages", handshake.Path);
        Assert.Equal("Bearer s3cret", handshake.Authorization);
        var frame = Assert.IsType<JsonObject>(Assert.Single(_server.FramesFrom("producer")));
        Assert.Equal(["context", "key", "payload", "properties"], frame.Select(p => p.Key).Order());
        Assert.Equal(Convert.ToBase64String("hi"u8), (string?)frame["payload"]);
        Assert.Equal("room-7", (string?)frame["key"]);
        Assert.Equal("e-1", (string?)frame["properties"]!["event-id"]);
        Assert.False(string.IsNullOrEmpty((string?)frame["context"]));
        // Ledger 7, entry 0 in the fake broker's protobuf-style id: the receipt carries exactly what the broker said.
        Assert.Equal("CAcQAA==", receipt.MessageId);
        Assert.Equal(receipt.MessageId, Assert.Single(_server.Broker.Messages("public/default/chat-messages")).MessageId);
    }

    [Fact]
    public async Task Publish_completes_only_after_the_broker_acknowledges()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.HoldProducerAcks = hold;
        var bus = Bus();

        var publish = bus.PublishAsync(NewTopic(), Text("k", "wait for it"));
        await Until(() => _server.FramesFrom("producer").Any());
        await Task.Delay(200);
        Assert.False(publish.IsCompleted, "PublishAsync returned before the broker's receipt.");

        hold.SetResult();
        var receipt = await publish.WaitAsync(Wait);
        Assert.Equal(FakePulsarBroker.MessageIdFor(0), receipt.MessageId);
    }

    [Fact]
    public async Task A_send_error_fails_the_publish_with_the_brokers_message_and_is_not_retried()
    {
        _server.ProducerReply = frame => new JsonObject
        {
            ["result"] = "send-error:3",
            ["errorMsg"] = "Failed to de-serialize from JSON",
            ["context"] = (string?)frame["context"],
        }.ToJsonString();
        var bus = Bus();

        var error = await Assert.ThrowsAsync<MessageBusException>(() => bus.PublishAsync(NewTopic(), Text("k", "x")));

        Assert.Contains("send-error:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to de-serialize from JSON", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.FramesFrom("producer"));
    }

    [Fact]
    public async Task A_connection_dropped_before_the_receipt_is_retried_on_a_new_connection()
    {
        _server.DropProducerBeforeAck = 1;
        var bus = Bus();
        var topic = NewTopic();

        var receipt = await bus.PublishAsync(topic, Text("k", "again"));

        Assert.Equal(2, _server.Handshakes.Count(h => h.Kind == "producer"));
        Assert.Equal(2, _server.FramesFrom("producer").Count());
        Assert.Equal(receipt.MessageId, Assert.Single(_server.Broker.Messages($"public/default/{topic}")).MessageId);
    }

    [Fact]
    public async Task A_publish_that_is_never_confirmed_fails_after_the_publish_timeout()
    {
        _server.HoldProducerAcks = new TaskCompletionSource();
        var bus = Bus(o => o.PublishTimeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MessageBusException>(() => bus.PublishAsync(NewTopic(), Text("k", "lost")));

        Assert.Contains("did not confirm", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_401_and_reported()
    {
        _server.RequiredToken = "right";
        var bus = Bus(o =>
        {
            o.Token = "wrong";
            o.ManageTopology = false;
            o.PublishTimeout = TimeSpan.FromSeconds(3);
        });

        var error = await Assert.ThrowsAsync<MessageBusException>(() => bus.PublishAsync(NewTopic(), Text("k", "x")));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.All(_server.Handshakes, h => Assert.Equal("Bearer wrong", h.Authorization));
        Assert.True(_server.Handshakes.Count >= 2, "The client should keep retrying within the publish timeout.");
    }

    [Fact]
    public async Task Durable_consumer_connects_with_the_documented_query_and_maps_message_frames()
    {
        var bus = Bus(o => o.Token = "t");
        var consumer = await bus.SubscribeAsync(Topics.ChatMessages,
            SubscriptionOptions.Durable("chat-worker") with { PrefetchCount = 25 });

        var handshake = Assert.Single(_server.Handshakes, h => h.Kind == "consumer");
        Assert.Equal("/ws/v2/consumer/persistent/public/default/chat-messages/chat-worker", handshake.Path);
        Assert.Equal("Key_Shared", handshake.Query["subscriptionType"]);
        Assert.Equal("25", handshake.Query["receiverQueueSize"]);
        Assert.Equal(bus.NodeId, handshake.Query["consumerName"]);
        Assert.Equal("1000", handshake.Query["negativeAckRedeliveryDelay"]);
        Assert.Equal("Bearer t", handshake.Authorization);

        var stored = _server.Broker.Publish("public/default/chat-messages", Convert.ToBase64String("안녕"u8),
            new Dictionary<string, string> { ["event-type"] = "message.new" }, "room-9");
        var message = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(stored.MessageId, message.MessageId);
        Assert.Equal("room-9", message.Key);
        Assert.Equal("안녕", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Equal("message.new", message.Header("event-type"));
        Assert.Equal(0, message.RedeliveryCount);
        Assert.Equal(stored.PublishTime.ToUnixTimeMilliseconds(), message.PublishedAt.ToUnixTimeMilliseconds());
        Assert.Equal(Topics.ChatMessages, message.Topic);

        await consumer.AcknowledgeAsync(message);
        var ack = Assert.IsType<JsonObject>(await FrameAsync("consumer", 1));
        Assert.Equal(["messageId"], ack.Select(p => p.Key));
        Assert.Equal(stored.MessageId, (string?)ack["messageId"]);
    }

    [Theory]
    [InlineData(PulsarSubscriptionType.Exclusive, "Exclusive")]
    [InlineData(PulsarSubscriptionType.Shared, "Shared")]
    [InlineData(PulsarSubscriptionType.Failover, "Failover")]
    [InlineData(PulsarSubscriptionType.KeyShared, "Key_Shared")]
    public async Task The_durable_subscription_type_goes_on_the_wire_by_its_documented_name(PulsarSubscriptionType type, string wire)
    {
        var bus = Bus(o => o.DurableSubscriptionType = type);

        await bus.SubscribeAsync(NewTopic(), SubscriptionOptions.Durable("typed"));

        Assert.Equal(wire, Assert.Single(_server.Handshakes, h => h.Kind == "consumer").Query["subscriptionType"]);
    }

    [Fact]
    public async Task Negative_acknowledge_sends_the_documented_frame_and_the_broker_redelivers()
    {
        var bus = Bus(o => o.NegativeAckDelay = TimeSpan.FromMilliseconds(100));
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("retrying"));
        Assert.Equal("100", Assert.Single(_server.Handshakes, h => h.Kind == "consumer").Query["negativeAckRedeliveryDelay"]);
        await bus.PublishAsync(topic, Text("k", "again"));
        var first = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait);

        await consumer.NegativeAcknowledgeAsync(first);

        var nack = Assert.IsType<JsonObject>(await FrameAsync("consumer", 1));
        Assert.Equal(["messageId", "type"], nack.Select(p => p.Key).Order());
        Assert.Equal("negativeAcknowledge", (string?)nack["type"]);
        Assert.Equal(first.MessageId, (string?)nack["messageId"]);
        var second = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, second.RedeliveryCount);
    }

    [Fact]
    public async Task A_durable_subscription_is_created_at_the_earliest_message_through_the_admin_api()
    {
        _server.RequiredToken = "admin-token";
        var bus = Bus(o => o.Token = "admin-token");
        var topic = NewTopic();

        await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("indexer"));

        var create = Assert.Single(_server.AdminRequests, r => r.Path.EndsWith("/subscription/indexer", StringComparison.Ordinal));
        Assert.Equal("PUT", create.Method);
        Assert.Equal($"persistent/public/default/{topic}/subscription/indexer", create.Path);
        Assert.Equal("Bearer admin-token", create.Authorization);
        var position = JsonNode.Parse(create.Body)!;
        Assert.Equal(-1, (long)position["ledgerId"]!);
        Assert.Equal(-1, (long)position["entryId"]!);
        Assert.True(_server.Broker.SubscriptionExists($"public/default/{topic}", "indexer"));
    }

    [Fact]
    public async Task Topology_creates_the_tenant_namespace_retention_and_every_topic_once()
    {
        var bus = Bus(o =>
        {
            o.Tenant = "gamgyul";
            o.Namespace = "events";
            o.Cluster = "standalone";
            o.RetentionMinutes = 60;
            o.RetentionSizeMb = 10;
        });

        await bus.EnsureTopologyAsync(Topics.All, CancellationToken.None);
        await bus.EnsureTopologyAsync(Topics.All, CancellationToken.None);

        var requests = _server.AdminRequests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(
        [
            "PUT tenants/gamgyul",
            "PUT namespaces/gamgyul/events",
            "POST namespaces/gamgyul/events/retention",
            "PUT persistent/gamgyul/events/chat-messages",
            "PUT persistent/gamgyul/events/content-events",
        ], requests);
        var tenant = JsonNode.Parse(_server.AdminRequests.First().Body)!;
        Assert.Empty(tenant["adminRoles"]!.AsArray());
        Assert.Equal("standalone", (string?)tenant["allowedClusters"]![0]);
        var retention = JsonNode.Parse(_server.Broker.Retention["gamgyul/events"])!;
        Assert.Equal(60, (int)retention["retentionTimeInMinutes"]!);
        Assert.Equal(10, (int)retention["retentionSizeInMB"]!);
        Assert.True(_server.Broker.TopicExists("gamgyul/events/content-events"));
    }

    [Fact]
    public async Task Existing_tenant_namespace_and_topics_are_accepted_as_they_are()
    {
        await Bus().EnsureTopologyAsync(Topics.All, CancellationToken.None);
        var second = Bus();

        await second.EnsureTopologyAsync(Topics.All, CancellationToken.None);
        var receipt = await second.PublishAsync(Topics.ContentEvents, Text("post-1", "created"));

        Assert.False(string.IsNullOrEmpty(receipt.MessageId));
        Assert.Contains(_server.AdminRequests, r => r.Path == "namespaces/public/default");
    }

    [Fact]
    public async Task A_consumer_reconnects_after_the_connection_drops_and_keeps_receiving()
    {
        var bus = Bus(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(200));
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("steady"));

        var dropped = DateTimeOffset.UtcNow;
        _server.DropConnections("consumer");
        await Until(() => _server.Handshakes.Count(h => h.Kind == "consumer") == 2 && _server.OpenConnections("consumer") == 1);
        await bus.PublishAsync(topic, Text("k", "after the drop"));

        Assert.Equal("after the drop", Encoding.UTF8.GetString((await consumer.ReceiveAsync().AsTask().WaitAsync(Wait)).Payload.Span));
        var reconnect = _server.Handshakes.Where(h => h.Kind == "consumer").Last();
        Assert.True(reconnect.At - dropped >= TimeSpan.FromMilliseconds(150), $"Reconnected after {(reconnect.At - dropped).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Refused_handshakes_are_retried_with_growing_delays()
    {
        _server.RejectHandshakes = 3;
        var bus = Bus(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(100));

        await bus.SubscribeAsync(NewTopic(), SubscriptionOptions.Durable("patient")).WaitAsync(Wait);

        var times = _server.Handshakes.Where(h => h.Kind == "consumer").Select(h => h.At).ToList();
        Assert.Equal(4, times.Count);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        // Jittered doubling from 100 ms waits at least 50 + 100 + 200 ms in all. Only lower bounds hold on a
        // loaded machine (a slow first retry can outlast a later one); the growth itself is proven by
        // BackoffTests on the delay function.
        Assert.True(gaps.Sum(g => g.TotalMilliseconds) >= 300, $"Gaps: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds))} ms");
    }

    [Fact]
    public async Task A_server_close_with_an_error_status_makes_the_consumer_reconnect()
    {
        var bus = Bus(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(50));
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("resilient"));

        await _server.CloseConnectionsAsync("consumer", WebSocketCloseStatus.InternalServerError, "Failed to deserialize from JSON");
        await Until(() => _server.Handshakes.Count(h => h.Kind == "consumer") == 2 && _server.OpenConnections("consumer") == 1);
        await bus.PublishAsync(topic, Text("k", "still here"));

        Assert.Equal("still here", Encoding.UTF8.GetString((await consumer.ReceiveAsync().AsTask().WaitAsync(Wait)).Payload.Span));
    }

    [Fact]
    public async Task Malformed_and_unknown_frames_are_ignored_without_dropping_the_connection()
    {
        var bus = Bus();
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("tolerant"));

        _server.SendRaw("consumer", "this is not json");
        _server.SendRaw("consumer", """{"endOfTopic":"false"}""");
        _server.SendRaw("consumer", """{"messageId":"CAcQAA==","payload":"%%% not base64 %%%"}""");
        await bus.PublishAsync(topic, Text("k", "fine"));

        Assert.Equal("fine", Encoding.UTF8.GetString((await consumer.ReceiveAsync().AsTask().WaitAsync(Wait)).Payload.Span));
        Assert.Single(_server.Handshakes, h => h.Kind == "consumer");
    }

    [Fact]
    public async Task Messages_buffered_from_a_dropped_connection_are_not_handed_out_twice()
    {
        var bus = Bus(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(50));
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Durable("exactly"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await bus.PublishAsync(topic, Text("k", $"m{i}"))).MessageId);
        }

        var first = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait); // m0 taken; m1, m2 sit in the buffer
        await Until(() => _server.Broker.Messages($"public/default/{topic}").Count == 3);
        await Task.Delay(100);
        _server.DropConnections("consumer");
        await Until(() => _server.Handshakes.Count(h => h.Kind == "consumer") == 2 && _server.OpenConnections("consumer") == 1);

        var after = new List<ReceivedMessage>();
        for (var i = 0; i < 3; i++)
        {
            after.Add(await consumer.ReceiveAsync().AsTask().WaitAsync(Wait));
        }

        // The broker redelivers all three (none was acknowledged); the stale buffered copies are dropped.
        Assert.Equal(ids[0], first.MessageId);
        Assert.True(ids.SequenceEqual(after.Select(m => m.MessageId)), $"{string.Join(",", ids)} vs {string.Join(",", after.Select(m => $"{m.MessageId}/{m.RedeliveryCount}"))}");
        Assert.All(after, m => Assert.Equal(1, m.RedeliveryCount));
    }

    [Fact]
    public async Task Broadcast_uses_a_reader_that_acknowledges_and_resumes_after_the_last_message_seen()
    {
        var bus = Bus(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(300));
        var topic = NewTopic();
        var consumer = await bus.SubscribeAsync(topic, SubscriptionOptions.Broadcast("gateway") with { PrefetchCount = 50 });
        var first = Assert.Single(_server.Handshakes, h => h.Kind == "reader");
        Assert.Equal($"/ws/v2/reader/persistent/public/default/{topic}", first.Path);
        Assert.Equal("latest", first.Query["messageId"]);
        Assert.Equal($"gateway.{bus.NodeId}", first.Query["readerName"]);
        Assert.Equal("50", first.Query["receiverQueueSize"]);

        var m1 = await bus.PublishAsync(topic, Text("room", "one"));
        var received = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait);
        await consumer.AcknowledgeAsync(received);
        Assert.Equal(m1.MessageId, (string?)(await FrameAsync("reader", 1))["messageId"]);

        _server.DropConnections("reader");
        _server.Broker.Publish($"public/default/{topic}", Convert.ToBase64String("two"u8), [], "room");
        await Until(() => _server.Handshakes.Count(h => h.Kind == "reader") == 2);

        var resumed = _server.Handshakes.Where(h => h.Kind == "reader").Last();
        Assert.Equal(m1.MessageId, resumed.Query["messageId"]);
        var next = await consumer.ReceiveAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("two", Encoding.UTF8.GetString(next.Payload.Span));
        await AssertNoMoreAsync(consumer);
    }

    private PulsarMessageBus Bus(Action<PulsarOptions>? configure = null)
    {
        var options = PulsarFakeConformanceTests.FastOptions(_server.ServiceUrl);
        options.NegativeAckDelay = TimeSpan.FromSeconds(1);
        configure?.Invoke(options);
        var bus = new PulsarMessageBus(options, $"node-{Guid.NewGuid():N}"[..13], _http, NullLoggerFactory.Instance);
        _buses.Add(bus);
        return bus;
    }

    private async Task<JsonNode> FrameAsync(string kind, int count)
    {
        await Until(() => _server.FramesFrom(kind).Count() >= count);
        return _server.FramesFrom(kind).ElementAt(count - 1);
    }

    private static string NewTopic() => $"protocol-{Guid.NewGuid():N}";

    private static OutgoingMessage Text(string key, string body) => new(key, Encoding.UTF8.GetBytes(body));

    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Wait)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }

    private static async Task AssertNoMoreAsync(IMessageConsumer consumer)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.ReceiveAsync(cancel.Token).AsTask());
    }
}
