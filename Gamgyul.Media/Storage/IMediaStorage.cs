namespace Gamgyul.Media.Storage;

/// <summary>
/// Object storage for uploads and variants. Every key is made by <see cref="MediaKeys"/>; nothing stored is
/// public: browsers upload through a signed form and read through signed (or CDN) URLs.
/// </summary>
public interface IMediaStorage
{
    /// <summary>Creates what is missing (bucket, folder) at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>A form the browser posts the file to directly; its signature pins key, type, size and expiry.</summary>
    Task<UploadForm> CreateUploadFormAsync(UploadPolicy policy, CancellationToken cancellationToken);

    /// <summary>The stored size of an object, or null when there is none.</summary>
    Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken);

    /// <summary>Copies an object into <paramref name="destination"/>; at most <paramref name="maxBytes"/> bytes are accepted.</summary>
    Task DownloadAsync(string key, Stream destination, long maxBytes, CancellationToken cancellationToken);

    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Deletes an object; deleting what is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that lets anyone holding it read the object until it expires, or a stable CDN URL when a public
    /// base URL is configured. It may be relative to the Api (the file-system adapter serves it).
    /// </summary>
    Task<string> GetReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);
}
