using System.Collections.Concurrent;
using Gamgyul.Messaging;

namespace Gamgyul.Tests.Messaging;

/// <summary>A bus whose publish does what the test says (fail, hang, or pass on to a real bus), recording each call.</summary>
internal sealed class ScriptedBus(Func<OutgoingMessage, CancellationToken, Task<PublishReceipt>> publish) : IMessageBus
{
    public ConcurrentQueue<OutgoingMessage> Attempts { get; } = new();

    public static ScriptedBus Failing(string error) =>
        new((_, _) => Task.FromException<PublishReceipt>(new MessageBusException(error)));

    public static ScriptedBus Hanging() =>
        new(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

    public Task<PublishReceipt> PublishAsync(string topic, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Attempts.Enqueue(message);
        return publish(message, cancellationToken);
    }

    public Task<IMessageConsumer> SubscribeAsync(string topic, SubscriptionOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A scripted bus only publishes.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
