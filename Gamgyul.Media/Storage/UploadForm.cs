namespace Gamgyul.Media.Storage;

/// <summary>
/// A browser upload: a multipart POST to <see cref="Url"/> with every field, then the file as the last part
/// (named <c>file</c>). The URL may be relative to the Api (file-system adapter).
/// </summary>
public sealed record UploadForm(string Url, IReadOnlyDictionary<string, string> Fields, DateTimeOffset ExpiresAt);
