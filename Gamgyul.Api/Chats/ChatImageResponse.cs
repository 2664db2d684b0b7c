namespace Gamgyul.Api.Chats;

/// <summary>
/// A message's image with what a client needs before it loads: the BlurHash <see cref="Placeholder"/> and the size,
/// so the placeholder has the image's shape. <see cref="Url"/> is the same signed URL as in <c>images</c>.
/// </summary>
public sealed record ChatImageResponse(string Url, string? Placeholder, int? Width, int? Height);
