using System.Globalization;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// Applies one content event: skips it when its id is already in <c>processed_events</c>, otherwise reconciles the
/// objects it names and then records the id. The index write comes first: if the process dies in between, the
/// event is redelivered and the (idempotent) reconcile simply runs again.
/// </summary>
public sealed class ContentEventHandler(
    GamgyulDbContext db,
    SearchSourceReader reader,
    DocumentIndexer indexer,
    IndexerMetrics metrics,
    IOptions<SearchIndexerOptions> options,
    TimeProvider time)
{
    /// <summary>Returns false when the event was a duplicate.</summary>
    public async Task<bool> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var type = message.Header(MessageHeaders.EventType) ?? "unknown";
        var keys = ContentEventRouter.AffectedKeys(message);
        if (keys.Count == 0)
        {
            return true;
        }

        var consumer = options.Value.Subscription;
        var eventId = Guid.TryParse(message.Header(MessageHeaders.EventId), out var id) ? id : (Guid?)null;
        if (eventId is { } known && await db.ProcessedEvents.AnyAsync(e => e.Consumer == consumer && e.EventId == known, cancellationToken))
        {
            metrics.EventHandled(type, duplicate: true);
            return false;
        }

        await indexer.ReconcileAsync(reader, keys, cancellationToken);
        if (eventId is { } handled)
        {
            var now = time.GetUtcNow();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO processed_events (consumer, event_id, processed_at) VALUES ({consumer}, {handled}, {now})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }

        metrics.EventHandled(type, duplicate: false);
        if (DateTimeOffset.TryParse(message.Header(MessageHeaders.OccurredAt), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var occurredAt))
        {
            metrics.Lag(time.GetUtcNow() - occurredAt);
        }

        return true;
    }
}
