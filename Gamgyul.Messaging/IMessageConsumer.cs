namespace Gamgyul.Messaging;

/// <summary>
/// One consumer of a subscription. Receive, handle, then <see cref="AcknowledgeAsync"/> (done) or
/// <see cref="NegativeAcknowledgeAsync"/> (failed: deliver again later, possibly to another consumer).
/// </summary>
/// <remarks>
/// Disposing is the graceful shutdown: no more messages are fetched, and those received but not acknowledged
/// are handed back to the subscription for redelivery. A consumer that dies without disposing (a crash) loses
/// nothing either: the broker redelivers its unacknowledged messages (Pulsar when the connection drops, Redis
/// Streams once they have been idle for the claim timeout).
/// </remarks>
public interface IMessageConsumer : IAsyncDisposable
{
    /// <summary>The topic this consumer reads.</summary>
    string Topic { get; }

    /// <summary>The subscription's name on the broker (for broadcast subscriptions it includes the node id).</summary>
    string SubscriptionName { get; }

    /// <summary>Waits for the next message.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, or the consumer was disposed.</exception>
    ValueTask<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Every message as it arrives, until cancelled or disposed.</summary>
    IAsyncEnumerable<ReceivedMessage> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the message as handled; it will not be delivered to this subscription again.</summary>
    Task AcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks several messages as handled, in one broker call where the broker takes a list (Redis Streams);
    /// otherwise one acknowledgement each.
    /// </summary>
    Task AcknowledgeAsync(IReadOnlyCollection<ReceivedMessage> messages, CancellationToken cancellationToken = default) =>
        Task.WhenAll(messages.Select(message => AcknowledgeAsync(message, cancellationToken)));

    /// <summary>Marks the message as failed; the subscription delivers it again after a short delay.</summary>
    Task NegativeAcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default);
}
