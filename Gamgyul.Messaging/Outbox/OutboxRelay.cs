using System.Globalization;
using System.Text;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gamgyul.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows to the bus (topic <c>content-events</c>, keyed by the row's key, with event id, type and
/// time in the headers), marks them published, and retries failures with exponential backoff until they are
/// dead-lettered. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so every Api node can run a relay.
/// </summary>
/// <remarks>
/// At least once: a crash between the broker's receipt and the commit publishes the row again; consumers
/// de-duplicate on <see cref="MessageHeaders.EventId"/>. Per key, rows go out in the order they occurred, across
/// relays too: a row waits while an earlier row of its key is unpublished (even while that one backs off), until
/// that one is published or dead-lettered.
/// </remarks>
public sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    IMessageBus bus,
    IOptions<OutboxRelayOptions> options,
    OutboxMetrics metrics,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int MaxErrorLength = 2000;
    private readonly OutboxRelayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var published = await RelayBatchAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
                // A full batch means more may be waiting: go again at once.
                pause = published >= _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is unreachable or similar: nothing was marked, so nothing is lost; try again later.
                failures++;
                LogRoundFailed(logger, e);
                pause = Backoff.Delay(failures, _options.PollInterval, TimeSpan.FromMinutes(1));
            }

            try
            {
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: claims a batch, publishes it in order, records the outcome. Returns how many were published.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
        // The Aspire registration retries transient failures, which requires our own transaction inside the strategy.
        var published = await db.Database.CreateExecutionStrategy()
            .ExecuteAsync(ct => RelayInTransactionAsync(db, ct), cancellationToken).ConfigureAwait(false);
        await RefreshBacklogAsync(db, cancellationToken).ConfigureAwait(false);
        return published;
    }

    private async Task<int> RelayInTransactionAsync(GamgyulDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var batch = await db.Outbox.FromSql($"""
            SELECT * FROM outbox_messages
            WHERE published_at IS NULL AND dead_lettered_at IS NULL
              AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
            ORDER BY occurred_at, id
            LIMIT {_options.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return 0;
        }

        var waiting = await RowsWaitingForAnEarlierRowAsync(db, batch, cancellationToken).ConfigureAwait(false);
        var blockedKeys = new HashSet<string>(StringComparer.Ordinal);
        var published = 0;
        foreach (var row in batch)
        {
            if (blockedKeys.Contains(row.Key) || waiting.Contains(row.Id))
            {
                blockedKeys.Add(row.Key);
                continue;
            }

            if (!await TryPublishAsync(row, cancellationToken).ConfigureAwait(false))
            {
                // Most failures are the bus being down: stop here rather than wait out a timeout per row. The rows
                // not tried keep their attempt counts.
                break;
            }

            published++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        metrics.Published(published);
        return published;
    }

    /// <summary>
    /// Rows of the batch whose key has an earlier unpublished row outside the batch: locked by another relay, or
    /// waiting for its retry. Publishing them now would overtake it.
    /// </summary>
    private static async Task<HashSet<Guid>> RowsWaitingForAnEarlierRowAsync(GamgyulDbContext db, List<OutboxMessage> batch,
        CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.Id).ToArray();
        var waiting = await db.Database.SqlQuery<Guid>($"""
            SELECT b.id AS "Value" FROM outbox_messages b
            WHERE b.id = ANY({ids})
              AND EXISTS (
                SELECT 1 FROM outbox_messages e
                WHERE e.key = b.key AND e.published_at IS NULL AND e.dead_lettered_at IS NULL
                  AND NOT (e.id = ANY({ids}))
                  AND (e.occurred_at, e.id) < (b.occurred_at, b.id))
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. waiting];
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        row.Attempts++;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.PublishAsync(_options.Topic, ToMessage(row), timeout.Token).ConfigureAwait(false);
            row.PublishedAt = time.GetUtcNow();
            row.NextAttemptAt = null;
            row.LastError = null;
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var error = e is OperationCanceledException ? $"Not confirmed by the bus within {_options.PublishTimeout}." : e.Message;
            row.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            metrics.Failed();
            if (row.Attempts >= _options.MaxAttempts)
            {
                row.DeadLetteredAt = now;
                row.NextAttemptAt = null;
                metrics.DeadLettered();
                LogDeadLettered(logger, row.Id, row.Type, row.Attempts, row.LastError);
            }
            else
            {
                row.NextAttemptAt = now + Backoff.Delay(row.Attempts, _options.InitialBackoff, _options.MaxBackoff);
                LogRetryLater(logger, row.Id, row.Type, row.Attempts, row.NextAttemptAt.Value, row.LastError);
            }

            return false;
        }
    }

    private async Task RefreshBacklogAsync(GamgyulDbContext db, CancellationToken cancellationToken)
    {
        var stats = await db.Outbox
            .Where(m => m.PublishedAt == null && m.DeadLetteredAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.OccurredAt) })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        metrics.SetBacklog(stats?.Count ?? 0, stats is null ? TimeSpan.Zero : time.GetUtcNow() - stats.Oldest);
    }

    internal static OutgoingMessage ToMessage(OutboxMessage row) => new(
        row.Key,
        Encoding.UTF8.GetBytes(row.Payload),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageHeaders.EventId] = row.Id.ToString(),
            [MessageHeaders.EventType] = row.Type,
            [MessageHeaders.OccurredAt] = row.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [MessageHeaders.ContentType] = MessageHeaders.JsonContentType,
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {EventId} ({Type}) failed on attempt {Attempt}; next try at {NextAttemptAt:O}: {Error}")]
    private static partial void LogRetryLater(ILogger logger, Guid eventId, string type, int attempt, DateTimeOffset nextAttemptAt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {EventId} ({Type}) was dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid eventId, string type, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox relay round failed; retrying")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
