using System.Globalization;
using System.Text;
using Gamgyul.Messaging;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// What every bus adapter must do, run against each adapter that can run here. A "node" is one process's bus;
/// all nodes of a test share one broker.
/// </summary>
public abstract class MessageBusConformanceTests : IAsyncLifetime
{
    // Generous: on a loaded 2-core machine a broadcast consumer once took over 10 s to be served; a lost message still fails.
    protected static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(30);
    private readonly List<IMessageBus> _nodes = [];

    /// <summary>A new node on the shared broker.</summary>
    protected abstract Task<IMessageBus> CreateNodeAsync();

    /// <summary>Ends a node as a crash would: no acks, no goodbye, connections just gone.</summary>
    protected abstract Task CrashNodeAsync(IMessageBus node);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [BusFact]
    public async Task Messages_with_the_same_key_reach_a_consumer_in_publish_order()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        var durable = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("ordered"));
        var broadcast = await node.SubscribeAsync(topic, SubscriptionOptions.Broadcast("ordered-live"));

        for (var i = 0; i < 30; i++)
        {
            await node.PublishAsync(topic, Text($"room-{i % 3}", i.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var consumer in new[] { durable, broadcast })
        {
            var received = await TakeAsync(consumer, 30);
            foreach (var key in received.GroupBy(m => m.Key))
            {
                var sequence = key.Select(m => int.Parse(Body(m), CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(sequence.Order(), sequence);
                Assert.Equal(10, sequence.Count);
            }
        }
    }

    [BusFact]
    public async Task A_durable_subscription_receives_what_was_published_before_its_first_consumer()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        await node.PublishAsync(topic, Text("k", "early-1"));
        await node.PublishAsync(topic, Text("k", "early-2"));

        var consumer = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("late-joiner"));

        Assert.Equal(["early-1", "early-2"], (await TakeAsync(consumer, 2)).Select(Body));
    }

    [BusFact]
    public async Task A_message_not_acknowledged_before_a_crash_is_delivered_again_to_another_consumer()
    {
        var crashing = await NodeAsync();
        var survivor = await NodeAsync();
        var topic = NewTopic();
        var first = await crashing.SubscribeAsync(topic, SubscriptionOptions.Durable("workers"));
        await survivor.PublishAsync(topic, Text("order-1", "handle me"));
        var taken = await NextAsync(first);

        await CrashNodeAsync(crashing);
        var second = await survivor.SubscribeAsync(topic, SubscriptionOptions.Durable("workers"));
        var redelivered = await NextAsync(second);

        Assert.Equal(taken.MessageId, redelivered.MessageId);
        Assert.Equal("handle me", Body(redelivered));
        Assert.Equal("order-1", redelivered.Key);
        await second.AcknowledgeAsync(redelivered);
    }

    [BusFact]
    public async Task No_message_is_lost_when_a_consumer_restarts()
    {
        var publisher = await NodeAsync();
        var topic = NewTopic();
        var published = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            published.Add((await publisher.PublishAsync(topic, Text($"k{i % 4}", $"m{i}"))).MessageId);
        }

        var handled = new HashSet<string>();
        var before = await (await NodeAsync()).SubscribeAsync(topic, SubscriptionOptions.Durable("restarting"));
        foreach (var message in await TakeAsync(before, 5))
        {
            handled.Add(message.MessageId);
        }

        _ = await NextAsync(before); // taken but never acknowledged: the stop must hand it back
        await before.DisposeAsync();
        for (var i = 10; i < 20; i++)
        {
            published.Add((await publisher.PublishAsync(topic, Text($"k{i % 4}", $"m{i}"))).MessageId);
        }

        var after = await (await NodeAsync()).SubscribeAsync(topic, SubscriptionOptions.Durable("restarting"));
        while (!handled.IsSupersetOf(published))
        {
            var message = await NextAsync(after);
            handled.Add(message.MessageId);
            await after.AcknowledgeAsync(message);
        }

        Assert.Equal(published.Order(), handled.Order());
    }

    [BusFact]
    public async Task Broadcast_reaches_every_node()
    {
        var nodes = new[] { await NodeAsync(), await NodeAsync(), await NodeAsync() };
        var topic = NewTopic();
        var consumers = new List<IMessageConsumer>();
        foreach (var node in nodes)
        {
            consumers.Add(await node.SubscribeAsync(topic, SubscriptionOptions.Broadcast("gateway")));
        }

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await nodes[i % 3].PublishAsync(topic, Text("room-1", $"hello {i}"))).MessageId);
        }

        foreach (var consumer in consumers)
        {
            Assert.Equal(ids, (await TakeAsync(consumer, 5)).Select(m => m.MessageId));
        }

        Assert.Equal(3, consumers.Select(c => c.SubscriptionName).Distinct().Count());
    }

    [BusFact]
    public async Task A_negatively_acknowledged_message_is_delivered_again()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        var consumer = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("flaky"));
        await node.PublishAsync(topic, Text("k", "try again"));

        var first = await NextAsync(consumer);
        await consumer.NegativeAcknowledgeAsync(first);
        var second = await NextAsync(consumer);

        Assert.Equal(0, first.RedeliveryCount);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.True(second.RedeliveryCount >= 1, $"RedeliveryCount was {second.RedeliveryCount}");
        await consumer.AcknowledgeAsync(second);
    }

    [BusFact]
    public async Task Competing_consumers_share_a_durable_subscription_without_duplicates()
    {
        var publisher = await NodeAsync();
        var topic = NewTopic();
        var options = SubscriptionOptions.Durable("pool") with { PrefetchCount = 1 };
        var a = await (await NodeAsync()).SubscribeAsync(topic, options);
        var b = await (await NodeAsync()).SubscribeAsync(topic, options);
        for (var i = 0; i < 40; i++)
        {
            await publisher.PublishAsync(topic, Text($"key-{i}", $"job {i}"));
        }

        var received = new System.Collections.Concurrent.ConcurrentBag<(string Consumer, string Id)>();
        using var done = new CancellationTokenSource(ReceiveTimeout);
        async Task Work(string name, IMessageConsumer consumer)
        {
            while (received.Count < 40)
            {
                ReceivedMessage message;
                try
                {
                    message = await consumer.ReceiveAsync(done.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                received.Add((name, message.MessageId));
                await Task.Delay(5); // some work, so one consumer cannot take everything in one go
                await consumer.AcknowledgeAsync(message);
            }

            await done.CancelAsync();
        }

        await Task.WhenAll(Work("a", a), Work("b", b));

        Assert.Equal(40, received.Count);
        Assert.Equal(40, received.Select(r => r.Id).Distinct().Count());
        Assert.Contains(received, r => r.Consumer == "a");
        Assert.Contains(received, r => r.Consumer == "b");
    }

    [BusFact]
    public async Task Acknowledged_messages_are_not_delivered_again()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        var first = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("once"));
        await node.PublishAsync(topic, Text("k", "done"));
        await first.AcknowledgeAsync(await NextAsync(first));
        await first.DisposeAsync();

        var second = await (await NodeAsync()).SubscribeAsync(topic, SubscriptionOptions.Durable("once"));
        await node.PublishAsync(topic, Text("k", "next"));

        Assert.Equal("next", Body(await NextAsync(second)));
        await AssertNothingArrivesAsync(second, TimeSpan.FromSeconds(1));
    }

    [BusFact]
    public async Task Messages_acknowledged_together_are_not_delivered_again()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        var first = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("together"));
        for (var i = 0; i < 5; i++)
        {
            await node.PublishAsync(topic, Text($"k{i}", $"m{i}"));
        }

        var received = new List<ReceivedMessage>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(await NextAsync(first));
        }

        await first.AcknowledgeAsync(received.Take(4).ToList());
        await first.DisposeAsync();

        var second = await (await NodeAsync()).SubscribeAsync(topic, SubscriptionOptions.Durable("together"));
        Assert.Equal("m4", Body(await NextAsync(second)));
        await AssertNothingArrivesAsync(second, TimeSpan.FromSeconds(1));
    }

    [BusFact]
    public async Task Key_headers_and_payload_arrive_unchanged_with_the_receipts_message_id()
    {
        var node = await NodeAsync();
        var topic = NewTopic();
        var consumer = await node.SubscribeAsync(topic, SubscriptionOptions.Durable("exact"));
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var headers = new Dictionary<string, string> { ["event-id"] = "e-1", ["event-type"] = "post.created", ["note"] = "감귤 🍊" };

        var receipt = await node.PublishAsync(topic, new OutgoingMessage("post-42", payload, headers));
        var message = await NextAsync(consumer);

        Assert.Equal(topic, receipt.Topic);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal("post-42", message.Key);
        Assert.Equal(payload, message.Payload.ToArray());
        Assert.Equal(headers.OrderBy(h => h.Key), message.Headers.OrderBy(h => h.Key));
        Assert.Equal(topic, message.Topic);
        Assert.InRange(message.PublishedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [BusFact]
    public async Task Disposing_a_consumer_ends_its_pending_receive()
    {
        var node = await NodeAsync();
        var consumer = await node.SubscribeAsync(NewTopic(), SubscriptionOptions.Durable("leaving"));
        var waiting = consumer.ReceiveAsync().AsTask();

        await consumer.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(ReceiveTimeout));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.ReceiveAsync().AsTask());
    }

    protected async Task<IMessageBus> NodeAsync()
    {
        var node = await CreateNodeAsync();
        _nodes.Add(node);
        return node;
    }

    protected static string NewTopic() => $"conformance-{Guid.NewGuid():N}";

    protected static OutgoingMessage Text(string key, string body) => new(key, Encoding.UTF8.GetBytes(body));

    protected static string Body(ReceivedMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    protected static async Task<ReceivedMessage> NextAsync(IMessageConsumer consumer, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? ReceiveTimeout);
        try
        {
            return await consumer.ReceiveAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No message on {consumer.Topic}/{consumer.SubscriptionName} within {timeout ?? ReceiveTimeout}.");
        }
    }

    /// <summary>Receives and acknowledges <paramref name="count"/> messages.</summary>
    protected static async Task<List<ReceivedMessage>> TakeAsync(IMessageConsumer consumer, int count)
    {
        var messages = new List<ReceivedMessage>();
        while (messages.Count < count)
        {
            var message = await NextAsync(consumer);
            messages.Add(message);
            await consumer.AcknowledgeAsync(message);
        }

        return messages;
    }

    protected static async Task AssertNothingArrivesAsync(IMessageConsumer consumer, TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            var unexpected = await consumer.ReceiveAsync(cancel.Token);
            Assert.Fail($"Unexpected message {unexpected.MessageId}: {Body(unexpected)}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Nothing arrived, as expected.
        }
    }
}
