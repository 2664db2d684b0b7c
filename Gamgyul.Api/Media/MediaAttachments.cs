using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Media;

/// <summary>
/// Turns the image references of a post, product, profile or chat message into what is stored. A media reference
/// must be a ready upload of the content's owner; it is marked attached (so the sweep keeps it) in the caller's
/// unit of work. Posts, products and profiles store it as its stable display URL, so every existing read path keeps
/// returning URLs. Chat images stay private to the room: they are uploaded with the purpose <c>chat</c>, are never
/// served by the public display URL, and messages carry short-lived signed variant URLs instead.
/// </summary>
internal sealed class MediaAttachments(GamgyulDbContext db, MediaUrls urls, TimeProvider clock)
{
    /// <summary>How many images one chat message carries: the message row has a single media column.</summary>
    public const int MaxChatImages = 1;

    public async Task<ImageResolution> ResolveAsync(Guid ownerId, IReadOnlyList<string?>? references, string field,
        int? displayWidth, CancellationToken cancellationToken)
    {
        references ??= [];
        var ids = references.Select(r => MediaReference.TryParse(r, out var id) ? id : (Guid?)null).ToList();
        var owned = await LoadOwnedAsync(ownerId, ids.OfType<Guid>(), cancellationToken);

        var images = new List<ResolvedImage>(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (ids[i] is not { } mediaId)
            {
                images.Add(new ResolvedImage(null, references[i]!));
                continue;
            }

            var media = owned.GetValueOrDefault(mediaId);
            var refusal = Refusal(media, mediaId)
                ?? (media!.Purpose == MediaPurpose.Chat
                    ? $"Image {mediaId} was uploaded for a chat message, and chat images stay private; upload it again for this."
                    : null);
            if (refusal is not null)
            {
                return new ImageResolution([], name, refusal);
            }

            Attach(media!);
            images.Add(new ResolvedImage(mediaId, urls.Display(mediaId, displayWidth)));
        }

        return new ImageResolution(images, null, null);
    }

    /// <summary>
    /// Checks and attaches the image of a chat message (at most <see cref="MaxChatImages"/>): a ready upload of the
    /// sender with the purpose <c>chat</c>. Saves at once, because the message itself is stored later by the
    /// ChatWorker; a message that is then never stored leaves an attached but unreferenced image, which the sweep
    /// removes like an unattached one.
    /// </summary>
    public async Task<ChatImageResolution> AttachChatImageAsync(Guid senderId, IReadOnlyList<string?> references,
        CancellationToken cancellationToken)
    {
        if (references.Count > MaxChatImages)
        {
            return ChatImageResolution.Refused($"A message carries at most {MaxChatImages} image; send more images as more messages.");
        }

        if (!MediaReference.TryParse(references[0], out var mediaId))
        {
            return ChatImageResolution.Refused("images takes the media id (or display_url) of an image you uploaded with the purpose \"chat\".");
        }

        var media = (await LoadOwnedAsync(senderId, [mediaId], cancellationToken)).GetValueOrDefault(mediaId);
        var refusal = Refusal(media, mediaId)
            ?? (media!.Purpose != MediaPurpose.Chat
                ? $"Image {mediaId} was uploaded for a {media.Purpose.ToString().ToLowerInvariant()}; chat images are uploaded with the purpose \"chat\"."
                : null);
        if (refusal is not null)
        {
            return ChatImageResolution.Refused(refusal);
        }

        Attach(media!);
        await db.SaveChangesAsync(cancellationToken);
        return new ChatImageResolution(mediaId, await ChatImageAsync(media!, cancellationToken), null);
    }

    /// <summary>Signed URLs (with placeholder and size) of the chat images among <paramref name="mediaIds"/>, for history pages and room lists.</summary>
    public async Task<Dictionary<Guid, Chats.ChatImageResponse>> ChatImagesAsync(IEnumerable<Guid> mediaIds, CancellationToken cancellationToken)
    {
        var ids = mediaIds.Distinct().ToList();
        var found = new Dictionary<Guid, Chats.ChatImageResponse>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        foreach (var media in await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id) && m.State == MediaState.Ready).ToListAsync(cancellationToken))
        {
            if (await ChatImageAsync(media, cancellationToken) is { } image)
            {
                found[media.Id] = image;
            }
        }

        return found;
    }

    private async Task<Dictionary<Guid, MediaObject>> LoadOwnedAsync(Guid ownerId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Media.Where(m => wanted.Contains(m.Id) && m.OwnerId == ownerId).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>Why the media may not be attached, or null when it is a ready upload of the owner.</summary>
    private static string? Refusal(MediaObject? media, Guid mediaId) => media switch
    {
        // Someone else's upload looks exactly like one that does not exist.
        null => $"You have no uploaded image {mediaId}.",
        { State: MediaState.Failed } => $"Image {mediaId} was refused: {media.FailureReason}; only ready images can be attached.",
        { State: not MediaState.Ready } => $"Image {mediaId} is not processed yet; only ready images can be attached.",
        _ => null,
    };

    /// <summary>The latest attach time: the sweep leaves media alone for a while after they were last attached.</summary>
    private void Attach(MediaObject media) => media.AttachedAt = clock.GetUtcNow();

    /// <summary>
    /// The image as a chat message shows it: the largest WebP variant (every current browser shows WebP), else the
    /// largest variant, with the placeholder and size; null when there is no variant.
    /// </summary>
    private async Task<Chats.ChatImageResponse?> ChatImageAsync(MediaObject media, CancellationToken cancellationToken)
    {
        var variant = media.Variants.OrderByDescending(v => v.ContentType == "image/webp").ThenByDescending(v => v.Width).FirstOrDefault();
        return variant is null
            ? null
            : new Chats.ChatImageResponse(await urls.VariantAsync(variant, cancellationToken), media.Placeholder, media.Width, media.Height);
    }
}

/// <summary>The attached chat image (its id, and its signed URL with placeholder and size), or why it was refused.</summary>
internal sealed record ChatImageResolution(Guid? MediaId, Chats.ChatImageResponse? Image, string? Error)
{
    public static ChatImageResolution Refused(string error) => new(null, null, error);
}
