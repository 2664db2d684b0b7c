using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Media;

/// <summary>
/// An upload and what became of it. <c>state</c>: <c>uploading</c> (form issued, not completed),
/// <c>pending</c> (queued or processing), <c>ready</c> or <c>failed</c> (with <c>error</c>).
/// <c>display_url</c> is the stable address posts, products and profiles store; it redirects to a variant.
/// </summary>
public sealed record MediaResponse(
    Guid MediaId,
    MediaState State,
    MediaPurpose Purpose,
    string ContentType,
    long Size,
    int? Width,
    int? Height,
    string? Placeholder,
    string? Error,
    IReadOnlyList<MediaVariantResponse> Variants,
    string? DisplayUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessedAt);
