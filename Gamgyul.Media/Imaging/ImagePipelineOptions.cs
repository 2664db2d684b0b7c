namespace Gamgyul.Media.Imaging;

/// <summary>What the pipeline makes of an upload (bound from the <c>Media</c> configuration section).</summary>
public sealed class ImagePipelineOptions
{
    /// <summary>Decompression-bomb guard: larger images are refused from their header, before any decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Widths of the variants, in pixels; narrower originals are never enlarged.</summary>
    public int[] VariantWidths { get; set; } = [1080, 640, 320];

    /// <summary>WebP quality; with smart chroma subsampling, 82 keeps fruit skins and small text crisp.</summary>
    public int WebpQuality { get; set; } = 82;

    /// <summary>Quality of the JPEG fallback for clients without WebP.</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>BlurHash components along the longer side (the shorter side gets proportionally fewer, at least 3).</summary>
    public int PlaceholderComponents { get; set; } = 4;
}
