namespace Gamgyul.Api.Media;

/// <summary>The body of <c>POST /images/presigned/</c>: what the client is about to upload.</summary>
/// <param name="Purpose"><c>post</c>, <c>product</c>, <c>avatar</c> or <c>chat</c>.</param>
/// <param name="ContentType"><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</param>
/// <param name="Size">The file's size in bytes.</param>
public sealed record PresignRequest(string? Purpose, string? ContentType, long? Size);
