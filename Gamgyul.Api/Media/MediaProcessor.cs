using System.Diagnostics;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Media.Imaging;
using Gamgyul.Media.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>Processes one completed upload: download, check, variants, placeholder; ready or failed.</summary>
internal sealed class MediaProcessor(GamgyulDbContext db, IMediaStorage storage, ImagePipeline pipeline,
    IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaProcessor> logger)
{
    public async Task ProcessAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        var media = await db.Media.FirstOrDefaultAsync(m => m.Id == mediaId && m.State == MediaState.Pending, cancellationToken);
        if (media is null)
        {
            return; // processed by an earlier attempt, or swept
        }

        var started = Stopwatch.GetTimestamp();
        var temporary = Path.Combine(Path.GetTempPath(), $"gamgyul-media-{mediaId:N}-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await storage.DownloadAsync(media.StorageKey, file, options.Value.MaxUploadBytes, cancellationToken);
            }

            var format = ImageFormat.FromContentType(media.ContentType)
                ?? throw new ImageRejectedException($"{media.ContentType} is not a supported image type.");
            // libvips is synchronous and CPU-bound: keep it off the thread that reads the queue.
            var processed = await Task.Run(() => pipeline.Process(temporary, format), cancellationToken);

            var variants = new List<MediaVariant>(processed.Variants.Count);
            foreach (var variant in processed.Variants)
            {
                var key = MediaKeys.Variant(media.Id, variant.Width, variant.Extension);
                await storage.PutAsync(key, variant.Content, variant.ContentType, cancellationToken);
                variants.Add(new MediaVariant
                {
                    StorageKey = key,
                    ContentType = variant.ContentType,
                    Width = variant.Width,
                    Height = variant.Height,
                    Size = variant.Content.Length,
                });
            }

            media.Width = processed.Width;
            media.Height = processed.Height;
            media.Placeholder = processed.Placeholder;
            media.Variants = variants;
            media.State = MediaState.Ready;
            media.FailureReason = null;
            logger.LogInformation("Media {MediaId} ready: {Width}x{Height}, {Variants} variants in {Elapsed} ms",
                media.Id, processed.Width, processed.Height, variants.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (ImageRejectedException rejected)
        {
            logger.LogInformation("Media {MediaId} refused: {Reason}", media.Id, rejected.Message);
            await FailAsync(media, rejected.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Media {MediaId} could not be processed", media.Id);
            await FailAsync(media, "The image could not be processed.", cancellationToken);
        }
        finally
        {
            File.Delete(temporary);
        }

        media.ProcessedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A refused upload keeps nothing in storage: only the row says why, until the sweep takes it.</summary>
    private async Task FailAsync(MediaObject media, string reason, CancellationToken cancellationToken)
    {
        media.State = MediaState.Failed;
        media.FailureReason = reason.Length > 500 ? reason[..500] : reason;
        try
        {
            await storage.DeleteAsync(media.StorageKey, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Deleting the refused upload {Key} failed; the sweep retries", media.StorageKey);
        }
    }
}
