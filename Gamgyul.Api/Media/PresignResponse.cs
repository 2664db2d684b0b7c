namespace Gamgyul.Api.Media;

/// <summary>
/// A direct upload: POST <c>url</c> as multipart/form-data with every entry of <c>fields</c> and then the
/// file (field name <c>file</c>) last; then call <c>POST /images/{media_id}/complete/</c>.
/// </summary>
public sealed record PresignResponse(string Url, IReadOnlyDictionary<string, string> Fields, Guid MediaId, DateTimeOffset ExpiresAt);
