using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>Runs <see cref="MediaSweeper"/> every <c>Media:SweepInterval</c>.</summary>
internal sealed class MediaSweepService(IServiceScopeFactory scopes, IOptions<MediaOptions> options,
    ILogger<MediaSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval > TimeSpan.Zero ? options.Value.SweepInterval : TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Swept {Count} abandoned media", deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Sweeping abandoned media failed; it runs again on the next tick");
            }
        }
    }
}
