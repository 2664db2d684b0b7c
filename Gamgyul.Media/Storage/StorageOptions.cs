namespace Gamgyul.Media.Storage;

/// <summary>The <c>Storage</c> configuration section: which adapter, and its settings.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string FileSystemProvider = "filesystem";
    public const string S3Provider = "s3";

    /// <summary><c>filesystem</c> (the default: works out of the box) or <c>s3</c> (AWS S3, MinIO, Cloudflare R2).</summary>
    public string Provider { get; set; } = FileSystemProvider;

    public FileSystemStorageOptions FileSystem { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();
}

public sealed class FileSystemStorageOptions
{
    /// <summary>Folder of the stored objects; relative paths are under the Api's content root.</summary>
    public string Root { get; set; } = Path.Combine(".data", "media");

    /// <summary>
    /// HMAC key (32+ characters) signing upload forms and read URLs. When empty, a random key is created in
    /// <c>{Root}/.signing-key</c> on first start, so every Api process sharing the folder shares the key.
    /// </summary>
    public string? SigningKey { get; set; }
}

public sealed class S3StorageOptions
{
    /// <summary>Endpoint of an S3-compatible server (MinIO, R2); empty for AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Bucket { get; set; } = "gamgyul-media";
    public string Region { get; set; } = "us-east-1";
    public bool ForcePathStyle { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>When set (a CDN in front of the bucket), variants are read at <c>{PublicBaseUrl}/{key}</c> instead of signed URLs.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Create the bucket at start-up when it is missing (MinIO in the AppHost's containers mode).</summary>
    public bool CreateBucket { get; set; }
}
