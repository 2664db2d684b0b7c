namespace Gamgyul.Media.Imaging;

/// <summary>
/// The upload formats we accept, with the MIME type a client declares and the libvips loader that
/// recognises the bytes. HEIC is absent on purpose: the libvips build we ship decodes AVIF but not HEVC.
/// </summary>
public sealed record ImageFormat(string Name, string ContentType, string LoaderPrefix)
{
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg", "VipsForeignLoadJpeg");
    public static readonly ImageFormat Png = new("PNG", "image/png", "VipsForeignLoadPng");
    public static readonly ImageFormat Webp = new("WebP", "image/webp", "VipsForeignLoadWebp");

    public static IReadOnlyList<ImageFormat> All { get; } = [Jpeg, Png, Webp];

    public static ImageFormat? FromContentType(string? contentType) =>
        All.FirstOrDefault(f => string.Equals(f.ContentType, contentType, StringComparison.Ordinal));

    /// <summary>The format whose libvips loader recognised the file (by its magic bytes), if we accept it.</summary>
    public static ImageFormat? FromLoader(string? loader) =>
        loader is null ? null : All.FirstOrDefault(f => loader.StartsWith(f.LoaderPrefix, StringComparison.Ordinal));
}
