using System.Globalization;
using Gamgyul.Data.Entities;
using Gamgyul.Media.Storage;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>Absolute URLs for media: stable display URLs and short-lived variant URLs.</summary>
internal sealed class MediaUrls(IOptions<MediaOptions> options, IHttpContextAccessor http, IMediaStorage storage)
{
    /// <summary>The Api's origin as the client sees it.</summary>
    public string Origin
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("Media:PublicBaseUrl is needed to build URLs outside a request.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>Makes an adapter's relative URL (the file-system adapter's) absolute against the Api.</summary>
    public string Absolute(string url) => url.StartsWith('/') ? Origin + url : url;

    /// <summary>The stable address stored in posts, products and profiles; it redirects to a fresh variant URL.</summary>
    public string Display(Guid mediaId, int? width = null) =>
        width is null
            ? $"{Origin}/images/{mediaId:D}/display/"
            : string.Create(CultureInfo.InvariantCulture, $"{Origin}/images/{mediaId:D}/display/?width={width}");

    public async Task<string> VariantAsync(MediaVariant variant, CancellationToken cancellationToken) =>
        Absolute(await storage.GetReadUrlAsync(variant.StorageKey, options.Value.ReadUrlLifetime, cancellationToken));

    public async Task<MediaResponse> ToResponseAsync(MediaObject media, CancellationToken cancellationToken)
    {
        var variants = new List<MediaVariantResponse>(media.Variants.Count);
        foreach (var variant in media.Variants.OrderByDescending(v => v.Width).ThenBy(v => v.ContentType, StringComparer.Ordinal))
        {
            variants.Add(new MediaVariantResponse(variant.Width, variant.Height, variant.ContentType, variant.Size,
                await VariantAsync(variant, cancellationToken)));
        }

        return new MediaResponse(media.Id, media.State, media.Purpose, media.ContentType, media.Size, media.Width, media.Height,
            media.Placeholder, media.FailureReason, variants, media.State == MediaState.Ready ? Display(media.Id) : null,
            media.CreatedAt, media.ProcessedAt);
    }
}
