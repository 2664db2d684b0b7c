using System.Text.Json.Serialization;

namespace Gamgyul.Api.Media;

/// <summary>
/// A direct upload: POST <c>url</c> as multipart/form-data with every entry of <c>fields</c> and then the
/// file (field name <c>file</c>) last; then call <c>POST /images/{media_id}/complete/</c>. The names in
/// <c>fields</c> are the storage's own, kept as they are (not snake_cased).
/// </summary>
public sealed record PresignResponse(
    string Url,
    [property: JsonConverter(typeof(VerbatimKeysConverter))] IReadOnlyDictionary<string, string> Fields,
    Guid MediaId,
    DateTimeOffset ExpiresAt);
