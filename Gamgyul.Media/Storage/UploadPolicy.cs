namespace Gamgyul.Media.Storage;

/// <summary>What one upload form allows: exactly this key and content type, a size range and an expiry.</summary>
public sealed record UploadPolicy(string Key, string ContentType, long MinBytes, long MaxBytes, DateTimeOffset ExpiresAt);
