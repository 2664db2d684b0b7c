namespace Gamgyul.Api.Media;

/// <summary>One rendition, with a URL valid for <c>Media:ReadUrlLifetime</c> (or a stable CDN URL).</summary>
public sealed record MediaVariantResponse(int Width, int Height, string ContentType, long Size, string Url);
