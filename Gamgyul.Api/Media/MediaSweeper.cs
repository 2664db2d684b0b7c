using Gamgyul.Data;
using Gamgyul.Media.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>
/// Deletes media that were never attached to anything (including uploads never completed and refused
/// ones) once they are older than <c>Media:AbandonedAfter</c>, and media that nothing references any more (their
/// post, product or chat room was deleted, the post or product was edited, the avatar replaced) once
/// <c>Media:AbandonedAfter</c> has passed since they were last attached: the stored objects first, then the row.
/// Finding the unreferenced ones here, rather than in every delete path, also covers cascades (account deletion,
/// room deletion) and moderation. The wait after the last attach covers a chat image whose message the ChatWorker
/// has not stored yet.
/// </summary>
internal sealed class MediaSweeper(GamgyulDbContext db, IMediaStorage storage, IOptions<MediaOptions> options,
    TimeProvider clock, ILogger<MediaSweeper> logger)
{
    private const int BatchSize = 200;

    /// <returns>How many media were deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.AbandonedAfter;
        var deleted = 0;
        while (true)
        {
            var batch = await db.Media
                .Where(m => m.CreatedAt < cutoff && (m.AttachedAt == null || (m.AttachedAt < cutoff
                    && !db.Posts.SelectMany(p => p.Images).Any(i => i.MediaId == m.Id)
                    && !db.Products.SelectMany(p => p.Images).Any(i => i.MediaId == m.Id)
                    && !db.ChatMessages.Any(c => c.MediaId == m.Id)
                    && !db.Users.Any(u => u.Profile.AvatarMediaId == m.Id))))
                .OrderBy(m => m.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
            var removable = new List<Data.Entities.MediaObject>(batch.Count);
            foreach (var media in batch)
            {
                try
                {
                    await storage.DeleteAsync(media.StorageKey, cancellationToken);
                    foreach (var variant in media.Variants)
                    {
                        await storage.DeleteAsync(variant.StorageKey, cancellationToken);
                    }

                    removable.Add(media);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The row stays, so the objects are retried on the next sweep rather than leaked.
                    logger.LogWarning(exception, "Deleting the objects of media {MediaId} failed", media.Id);
                }
            }

            db.Media.RemoveRange(removable);
            await db.SaveChangesAsync(cancellationToken);
            deleted += removable.Count;
            if (batch.Count < BatchSize || removable.Count == 0)
            {
                return deleted;
            }
        }
    }
}
