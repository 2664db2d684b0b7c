using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Media;

/// <summary>
/// Turns the image references of a post, product or profile into what is stored. A media reference must
/// be a ready upload of the content's owner; it is marked attached (so the sweep keeps it) in the caller's
/// unit of work, and stored as its stable display URL so every existing read path keeps returning URLs.
/// </summary>
internal sealed class MediaAttachments(GamgyulDbContext db, MediaUrls urls, TimeProvider clock)
{
    public async Task<ImageResolution> ResolveAsync(Guid ownerId, IReadOnlyList<string?>? references, string field,
        int? displayWidth, CancellationToken cancellationToken)
    {
        references ??= [];
        var ids = references.Select(r => MediaReference.TryParse(r, out var id) ? id : (Guid?)null).ToList();
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        var owned = wanted.Count == 0
            ? new Dictionary<Guid, MediaObject>()
            : await db.Media.Where(m => wanted.Contains(m.Id) && m.OwnerId == ownerId).ToDictionaryAsync(m => m.Id, cancellationToken);

        var now = clock.GetUtcNow();
        var images = new List<ResolvedImage>(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (ids[i] is not { } mediaId)
            {
                images.Add(new ResolvedImage(null, references[i]!));
                continue;
            }

            if (!owned.TryGetValue(mediaId, out var media))
            {
                // Someone else's upload looks exactly like one that does not exist.
                return new ImageResolution([], name, $"You have no uploaded image {mediaId}.");
            }

            if (media.State != MediaState.Ready)
            {
                var why = media.State == MediaState.Failed ? $"was refused: {media.FailureReason}" : "is not processed yet";
                return new ImageResolution([], name, $"Image {mediaId} {why}; only ready images can be attached.");
            }

            media.AttachedAt ??= now;
            images.Add(new ResolvedImage(mediaId, urls.Display(mediaId, displayWidth)));
        }

        return new ImageResolution(images, null, null);
    }
}
