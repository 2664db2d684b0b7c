using System.Globalization;
using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Media.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gamgyul.Api.Media;

internal static class MediaHandlers
{
    public static async Task<IResult> PresignAsync(PresignRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        IMediaStorage storage, MediaUrls urls, IOptions<MediaOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        MediaPurposes.TryParse(request.Purpose, out var purpose);
        var now = clock.GetUtcNow();
        var ownerId = user.GetUserId();
        var mediaId = Guid.CreateVersion7(now);
        var key = MediaKeys.Original(ownerId, mediaId);
        var expiresAt = now + options.Value.UploadLifetime;
        var form = await storage.CreateUploadFormAsync(
            new UploadPolicy(key, request.ContentType!, 1, options.Value.MaxUploadBytes, expiresAt), cancellationToken);

        db.Media.Add(new MediaObject
        {
            Id = mediaId,
            OwnerId = ownerId,
            Purpose = purpose,
            StorageKey = key,
            ContentType = request.ContentType!,
            Size = request.Size!.Value,
            State = MediaState.Uploading,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PresignResponse(urls.Absolute(form.Url), form.Fields, mediaId, expiresAt));
    }

    public static async Task<IResult> CompleteAsync(Guid mediaId, ClaimsPrincipal user, GamgyulDbContext db, IMediaStorage storage,
        MediaProcessingQueue queue, MediaUrls urls, IOptions<MediaOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var media = await FindOwnAsync(db, mediaId, user, cancellationToken);
        if (media is null)
        {
            return Problems.NotFound("Media not found.");
        }

        switch (media.State)
        {
            case MediaState.Ready or MediaState.Failed:
                return TypedResults.Ok(await urls.ToResponseAsync(media, cancellationToken));
            case MediaState.Pending:
                return Accepted(media, await urls.ToResponseAsync(media, cancellationToken));
        }

        var size = await storage.GetSizeAsync(media.StorageKey, cancellationToken);
        if (size is null)
        {
            return Problems.Conflict("Nothing was uploaded for this media yet: post the file to the upload form first.");
        }

        var max = options.Value.MaxUploadBytes;
        if (size > max || size < 1)
        {
            // Storage servers that enforce the signed policy never get here; the check is for those that do not.
            media.State = MediaState.Failed;
            media.FailureReason = $"The file is {size} bytes; 1 to {max} bytes are allowed.";
            media.ProcessedAt = clock.GetUtcNow();
            await storage.DeleteAsync(media.StorageKey, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Upload refused",
                detail: media.FailureReason);
        }

        media.Size = size.Value;
        media.State = MediaState.Pending;
        await db.SaveChangesAsync(cancellationToken);
        if (!queue.TryEnqueue(media.Id))
        {
            media.State = MediaState.Uploading;
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: "Too many images are waiting to be processed; complete this upload again shortly.",
                extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = 5 });
        }

        return Accepted(media, await urls.ToResponseAsync(media, cancellationToken));
    }

    public static async Task<IResult> GetAsync(Guid mediaId, ClaimsPrincipal user, GamgyulDbContext db, MediaUrls urls,
        CancellationToken cancellationToken)
    {
        var media = await FindOwnAsync(db, mediaId, user, cancellationToken);
        return media is null ? Problems.NotFound("Media not found.") : TypedResults.Ok(await urls.ToResponseAsync(media, cancellationToken));
    }

    /// <summary>
    /// The stable image URL that posts, products and profiles store: redirects to a short-lived URL of the
    /// variant closest to <paramref name="width"/> (the largest by default), WebP when the client accepts it.
    /// Attached media are public like the content showing them; unattached ones only to their owner. Chat images
    /// are never public: only their owner gets them here, room members get signed URLs in the messages.
    /// </summary>
    public static async Task<IResult> DisplayAsync(Guid mediaId, int? width, HttpContext context, GamgyulDbContext db,
        MediaUrls urls, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var viewerId = context.User.FindUserId();
        var media = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.State == MediaState.Ready
            && ((m.AttachedAt != null && m.Purpose != MediaPurpose.Chat) || m.OwnerId == viewerId), cancellationToken);
        if (media is null)
        {
            return Problems.NotFound("Image not found.");
        }

        var webp = context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("image/webp", StringComparison.OrdinalIgnoreCase));
        var candidates = media.Variants.Where(v => v.ContentType == (webp ? "image/webp" : "image/jpeg")).OrderBy(v => v.Width).ToList();
        if (candidates.Count == 0)
        {
            return Problems.NotFound("Image not found.");
        }

        var chosen = width is > 0 ? candidates.FirstOrDefault(v => v.Width >= width) ?? candidates[^1] : candidates[^1];
        var headers = context.Response.Headers;
        // Half the URL's lifetime, so a cached redirect never points at an expired signature.
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture,
            $"private, max-age={(int)(options.Value.ReadUrlLifetime.TotalSeconds / 2)}");
        headers.Vary = HeaderNames.Accept;
        return TypedResults.Redirect(await urls.VariantAsync(chosen, cancellationToken));
    }

    private static Task<MediaObject?> FindOwnAsync(GamgyulDbContext db, Guid mediaId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Another user's media answers exactly like a missing one.
        var ownerId = user.GetUserId();
        return db.Media.FirstOrDefaultAsync(m => m.Id == mediaId && m.OwnerId == ownerId, cancellationToken);
    }

    private static IResult Accepted(MediaObject media, MediaResponse response) =>
        TypedResults.Accepted($"/images/{media.Id:D}/", response);
}
