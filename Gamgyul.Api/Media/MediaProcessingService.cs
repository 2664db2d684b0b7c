using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>
/// Runs <see cref="MediaProcessor"/> off the request path, <c>Media:Workers</c> at a time. At start it
/// re-queues uploads left pending by a previous process, so a restart loses none.
/// </summary>
internal sealed class MediaProcessingService(MediaProcessingQueue queue, IServiceScopeFactory scopes,
    IOptions<MediaOptions> options, ILogger<MediaProcessingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeuePendingAsync(stoppingToken);
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mediaId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MediaProcessor>().ProcessAsync(mediaId, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Processing media {MediaId} failed; it stays pending until the next start", mediaId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays pending in the database.
        }
    }

    private async Task RequeuePendingAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
            var pending = await db.Media.Where(m => m.State == MediaState.Pending).OrderBy(m => m.CreatedAt)
                .Select(m => m.Id).Take(Math.Max(1, options.Value.QueueCapacity)).ToListAsync(stoppingToken);
            foreach (var id in pending)
            {
                queue.TryEnqueue(id);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not re-queue pending media at start-up");
        }
    }
}
