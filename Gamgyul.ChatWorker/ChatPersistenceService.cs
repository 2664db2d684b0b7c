using Gamgyul.Messaging;
using Gamgyul.Messaging.Chat;
using Microsoft.Extensions.Options;

namespace Gamgyul.ChatWorker;

/// <summary>
/// Reads <see cref="Topics.ChatMessages"/> through the durable subscription and stores each message. Whatever has
/// arrived is taken as one batch and stored in one transaction; only after the commit are the batch's messages
/// acknowledged. A crash before that leaves them unacknowledged, the bus hands them out again, and storing is
/// idempotent (the message id is the primary key), so every published message is stored exactly once.
/// </summary>
internal sealed partial class ChatPersistenceService(IMessageBus bus, ChatMessageStore store,
    IOptions<ChatPersistenceOptions> options, ILogger<ChatPersistenceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IMessageConsumer? consumer = null;
            try
            {
                consumer = await bus.SubscribeAsync(Topics.ChatMessages,
                    new SubscriptionOptions { Name = settings.Subscription, Kind = SubscriptionKind.Durable, PrefetchCount = Math.Min(1000, settings.BatchSize * 2) },
                    stoppingToken);
                LogSubscribed(logger, settings.Subscription);
                Task<ReceivedMessage>? pending = null;
                while (!stoppingToken.IsCancellationRequested)
                {
                    var batch = new List<ReceivedMessage> { await (pending ?? consumer.ReceiveAsync(stoppingToken).AsTask()) };
                    pending = null;
                    while (batch.Count < settings.BatchSize)
                    {
                        var next = consumer.ReceiveAsync(stoppingToken);
                        if (!next.IsCompleted)
                        {
                            pending = next.AsTask();
                            break;
                        }

                        batch.Add(await next);
                    }

                    await StoreAsync(consumer, batch, stoppingToken);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10_000, 200 << Math.Min(++failures, 6))), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                if (consumer is not null)
                {
                    // Graceful stop: what was fetched but not stored goes back to the group at once.
                    await consumer.DisposeAsync();
                }
            }
        }
    }

    private async Task StoreAsync(IMessageConsumer consumer, List<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessageEvent>();
        foreach (var received in batch)
        {
            if (received.Header(MessageHeaders.EventType) != ChatEventTypes.Message)
            {
                continue; // room changes, read receipts and typing are for the Api nodes only
            }

            try
            {
                messages.Add(received.ReadJson<ChatMessageEvent>());
            }
            catch (System.Text.Json.JsonException e)
            {
                // A payload that can never be stored would block the group forever: log it and let it go.
                LogUnreadable(logger, received.MessageId, e.Message);
            }
        }

        try
        {
            if (messages.Count > 0)
            {
                await store.StoreAsync(messages, cancellationToken);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var received in batch)
            {
                await consumer.NegativeAcknowledgeAsync(received, CancellationToken.None);
            }

            throw;
        }

        // Committed: acknowledge the whole batch at once (one XACK on Redis Streams).
        await consumer.AcknowledgeAsync(batch, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming chat messages as {Subscription}")]
    private static partial void LogSubscribed(ILogger logger, string subscription);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing chat messages failed: {Error}; retrying")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat event {MessageId} has an unreadable payload and is skipped: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string messageId, string error);
}
