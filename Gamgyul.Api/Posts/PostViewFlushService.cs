using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Posts;

/// <summary>Runs <see cref="PostViewFlusher"/> every <see cref="ViewCountingOptions.FlushIntervalSeconds"/>.</summary>
internal sealed class PostViewFlushService(PostViewFlusher flusher, IOptions<ViewCountingOptions> options,
    ILogger<PostViewFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundFlush)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.FlushIntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await flusher.FlushAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Flushing buffered post views failed; the batch is retried on the next run");
            }
        }

        // Views seen during shutdown are not lost: they stay in Redis for the next instance.
    }
}
