namespace Gamgyul.Messaging;

/// <summary>
/// The message bus every Gamgyul process talks to, whatever broker is behind it (Pulsar, Redis Streams or
/// in-memory, chosen by <c>Bus:Provider</c>).
/// </summary>
/// <remarks>
/// Delivery is at least once: a message can arrive twice (after a crash, a reconnect or a nack), so consumers
/// de-duplicate on an id carried in the message (<see cref="MessageHeaders.EventId"/> or the payload's own id).
/// The bus is a singleton owned by the DI container; disposing it closes every producer and consumer it opened.
/// </remarks>
public interface IMessageBus : IAsyncDisposable
{
    /// <summary>
    /// Publishes <paramref name="message"/> to <paramref name="topic"/> and completes only once the broker has
    /// stored it (Pulsar's send receipt, Redis' XADD reply), so a caller may acknowledge its own client afterwards.
    /// </summary>
    /// <exception cref="MessageBusException">The broker refused the message or could not be reached in time.</exception>
    Task<PublishReceipt> PublishAsync(string topic, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a subscription on <paramref name="topic"/>. Messages flow into the returned consumer until it is
    /// disposed; each must be acknowledged or negatively acknowledged.
    /// </summary>
    Task<IMessageConsumer> SubscribeAsync(string topic, SubscriptionOptions options, CancellationToken cancellationToken = default);
}
