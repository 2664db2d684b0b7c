namespace Gamgyul.Api.Media;

/// <summary>The <c>Media</c> configuration section (the image pipeline's own keys are in <c>ImagePipelineOptions</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest upload the signed form accepts (and that completion accepts), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long an upload form stays valid: long enough for a slow phone, short enough to be useless when leaked.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of the signed variant URLs in responses and behind the display redirect.</summary>
    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Uploads waiting for processing; a full queue answers 503 with Retry-After instead of growing.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Images processed at once; each is CPU-bound (libvips also uses several threads per image).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Media never completed or never attached to anything are deleted after this long.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweep of abandoned media runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The Api's origin as browsers reach it (e.g. <c>https://api.example.com</c>), used for the stable image
    /// URLs stored in posts, products and profiles; when empty, the origin of the request that attached the image.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
