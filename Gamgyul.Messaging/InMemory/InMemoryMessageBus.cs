using System.Collections.Concurrent;
using System.Globalization;
using Gamgyul.Messaging.Internal;

namespace Gamgyul.Messaging.InMemory;

/// <summary>
/// One node's bus over an <see cref="InMemoryBroker"/>, with the same semantics as the real adapters (competing
/// durable groups, per-node broadcast, ack/nack, redelivery when a consumer goes away). For unit tests of logic only.
/// </summary>
public sealed class InMemoryMessageBus : IMessageBus
{
    private readonly InMemoryBroker _broker;
    private readonly ConcurrentDictionary<InMemoryConsumer, byte> _consumers = new();
    private int _disposed;

    /// <summary>A node on its own private broker.</summary>
    public InMemoryMessageBus() : this(new InMemoryBroker())
    {
    }

    public InMemoryMessageBus(InMemoryBroker broker, string? nodeId = null)
    {
        _broker = broker;
        NodeId = nodeId ?? NodeIdentity.Create("inmemory");
    }

    public string NodeId { get; }

    public Task<PublishReceipt> PublishAsync(string topic, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var target = _broker.Topic(topic);
        lock (_broker.Gate)
        {
            var id = target.Log.Count.ToString(CultureInfo.InvariantCulture);
            // Copies, so a caller reusing its buffer or dictionary cannot change what was "sent".
            target.Log.Add(new ReceivedMessage(topic, id, message.Key, message.Payload.ToArray(),
                new Dictionary<string, string>(message.Headers), _broker.TimeProvider.GetUtcNow(), 0));
            target.NotifyChanged();
            return Task.FromResult(new PublishReceipt(topic, id));
        }
    }

    public Task<IMessageConsumer> SubscribeAsync(string topic, SubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var target = _broker.Topic(topic);
        var broadcast = options.Kind == SubscriptionKind.Broadcast;
        var groupName = broadcast ? $"{options.Name}.{NodeId}" : options.Name;
        InMemoryGroup group;
        lock (_broker.Gate)
        {
            if (!target.Groups.TryGetValue(groupName, out group!))
            {
                // Durable groups start at the beginning (nothing published before the first consumer is lost);
                // broadcast groups see only what is published from now on.
                group = new InMemoryGroup(broadcast ? target.Log.Count : 0);
                target.Groups.Add(groupName, group);
            }
        }

        var consumer = new InMemoryConsumer(_broker, target, group, groupName, broadcast, c => _consumers.TryRemove(c, out _));
        _consumers.TryAdd(consumer, 0);
        return Task.FromResult<IMessageConsumer>(consumer);
    }

    /// <summary>Stops every consumer of this node; their unacknowledged messages go back to their groups.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var consumer in _consumers.Keys)
        {
            await consumer.DisposeAsync();
        }
    }
}
