using Gamgyul.Data;
using Gamgyul.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// Consumes <c>content-events</c> on a durable subscription: one message at a time, acknowledged only after the
/// index and <c>processed_events</c> are written, handed back (negative ack) when that fails. Stopping disposes the
/// subscription, which gives unacknowledged messages back to the group at once, so a restart loses nothing.
/// </summary>
public sealed partial class ContentEventConsumer(
    IMessageBus bus,
    IServiceScopeFactory scopes,
    IndexerMetrics metrics,
    IOptions<SearchIndexerOptions> options,
    TimeProvider time,
    ILogger<ContentEventConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private long _lastPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var consumer = await bus.SubscribeAsync(Topics.ContentEvents,
                    SubscriptionOptions.Durable(settings.Subscription), stoppingToken);
                LogSubscribed(logger, Topics.ContentEvents, settings.Subscription);
                await foreach (var message in consumer.ReadAllAsync(stoppingToken))
                {
                    await HandleAsync(consumer, message, stoppingToken);
                    await PruneIfDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The bus connection failed: subscribe again after a pause; unacknowledged messages come back.
                LogSubscriptionFailed(logger, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(IMessageConsumer consumer, ReceivedMessage message, CancellationToken stoppingToken)
    {
        var type = message.Header(MessageHeaders.EventType) ?? "unknown";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContentEventHandler>().HandleAsync(message, stoppingToken);
        }
        catch (Exception e) when (ContentEventRouter.IsPoison(e))
        {
            // A payload no retry can read: record it in the log and move on rather than block the stream.
            LogPoison(logger, message.MessageId, type, e);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            metrics.EventFailed(type);
            LogFailed(logger, message.MessageId, type, message.RedeliveryCount, e);
            await consumer.NegativeAcknowledgeAsync(message, stoppingToken);
            return;
        }

        await consumer.AcknowledgeAsync(message, stoppingToken);
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        if (_lastPrune != 0 && time.GetElapsedTime(_lastPrune) < PruneInterval)
        {
            return;
        }

        _lastPrune = time.GetTimestamp();
        var settings = options.Value;
        var before = time.GetUtcNow() - settings.ProcessedEventRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
        await db.ProcessedEvents.Where(e => e.Consumer == settings.Subscription && e.ProcessedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Topic} as {Subscription}")]
    private static partial void LogSubscribed(ILogger logger, string topic, string subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content-events subscription failed; subscribing again")]
    private static partial void LogSubscriptionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content event {MessageId} ({Type}) cannot be read and is skipped")]
    private static partial void LogPoison(ILogger logger, string messageId, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content event {MessageId} ({Type}) failed (redelivery {Redelivery}); handed back")]
    private static partial void LogFailed(ILogger logger, string messageId, string type, int redelivery, Exception exception);
}
