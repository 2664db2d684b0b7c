using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Media;

/// <summary>The Api on real Kestrel with the file-system storage adapter in a folder of its own.</summary>
public class FileSystemMediaApiFactory : ApiFactory
{
    /// <summary>Smaller than the 10 MB default so the over-size test sends little.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    public FileSystemMediaApiFactory()
    {
        StorageRoot = Path.Combine(Path.GetTempPath(), $"gamgyul-media-{Guid.NewGuid():N}");
        WithSetting("Storage:Provider", "filesystem");
        WithSetting("Storage:FileSystem:Root", StorageRoot);
        WithSetting("Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        UseKestrel(0);
    }

    public string StorageRoot { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>Media never attached are swept after one second (the sweep itself is run by the test).</summary>
public sealed class ShortSweepMediaApiFactory : FileSystemMediaApiFactory
{
    public ShortSweepMediaApiFactory() => WithSetting("Media:AbandonedAfter", "00:00:01");
}

/// <summary>The Api with the S3 adapter against the run's s3rver.</summary>
public sealed class S3MediaApiFactory : ApiFactory
{
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var s3 = await S3rverServer.GetAsync();
        WithSetting("Storage:Provider", "s3");
        WithSetting("Storage:S3:ServiceUrl", s3.ServiceUrl);
        WithSetting("Storage:S3:Bucket", S3rverServer.Bucket);
        WithSetting("Storage:S3:ForcePathStyle", "true");
        WithSetting("Storage:S3:AccessKey", S3rverServer.Credential);
        WithSetting("Storage:S3:SecretKey", S3rverServer.Credential);
        WithSetting("Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
