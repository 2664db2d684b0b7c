using System.Globalization;
using System.Runtime.CompilerServices;

namespace Gamgyul.Messaging.InMemory;

/// <summary>A consumer of an in-memory subscription.</summary>
internal sealed class InMemoryConsumer(
    InMemoryBroker broker,
    InMemoryTopic topic,
    InMemoryGroup group,
    string subscriptionName,
    bool broadcast,
    Action<InMemoryConsumer> onDisposed) : IMessageConsumer
{
    private readonly CancellationTokenSource _disposed = new();

    public string Topic => topic.Name;

    public string SubscriptionName => subscriptionName;

    public async ValueTask<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        while (true)
        {
            Task changed;
            lock (broker.Gate)
            {
                linked.Token.ThrowIfCancellationRequested();
                if (group.TryTake(this, topic.Log.Count, out var index, out var redeliveries))
                {
                    return topic.Log[index] with { RedeliveryCount = redeliveries };
                }

                changed = topic.Changed;
            }

            await changed.WaitAsync(linked.Token).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<ReceivedMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            yield return await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task AcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        lock (broker.Gate)
        {
            group.Pending.Remove(IndexOf(message));
        }

        return Task.CompletedTask;
    }

    public Task NegativeAcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        var index = IndexOf(message);
        lock (broker.Gate)
        {
            if (!group.Pending.Remove(index))
            {
                return Task.CompletedTask;
            }
        }

        _ = RedeliverLaterAsync(index);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return ValueTask.CompletedTask;
        }

        _disposed.Cancel();
        lock (broker.Gate)
        {
            group.Release(this);
            if (broadcast)
            {
                topic.Groups.Remove(subscriptionName);
            }

            topic.NotifyChanged();
        }

        onDisposed(this);
        return ValueTask.CompletedTask;
    }

    private async Task RedeliverLaterAsync(int index)
    {
        await Task.Delay(broker.NegativeAckDelay, broker.TimeProvider).ConfigureAwait(false);
        lock (broker.Gate)
        {
            group.Redeliver.Add(index);
            topic.NotifyChanged();
        }
    }

    private static int IndexOf(ReceivedMessage message) => int.Parse(message.MessageId, CultureInfo.InvariantCulture);
}
