using NetVips;

namespace Gamgyul.Media.Imaging;

/// <summary>
/// Turns an uploaded original into upright, metadata-free WebP and JPEG variants and a BlurHash.
/// </summary>
/// <remarks>
/// Why libvips (NetVips + NetVips.Native.linux-x64) rather than SkiaSharp: libvips streams images through
/// small tiles and shrinks JPEG and WebP while decoding ("shrink-on-load"), so a 24-megapixel photo is never
/// held whole in memory and resizing costs a fraction of a full decode; it reads headers without decoding
/// (our decompression-bomb check), applies EXIF orientation in its thumbnail operation, writes WebP and
/// JPEG with every metadata block dropped (<c>keep: none</c>), and can refuse truncated or corrupt data
/// (<c>fail_on</c>). Its loaders of less-trusted formats are blocked, and we only ever open files whose
/// magic bytes a JPEG, PNG or WebP loader recognised. SkiaSharp would need hand-written orientation,
/// scaled decoding and metadata handling, and decodes whole images into memory.
/// </remarks>
public sealed class ImagePipeline
{
    /// <summary>Height bound for width-driven resizes: effectively "keep the aspect ratio".</summary>
    private const int UnboundedHeight = 10_000_000;

    private static readonly Lazy<bool> Initialised = new(() =>
    {
        // Only mainstream, fuzzed loaders may run on user uploads; libvips's operation cache would keep
        // decoded uploads in memory between unrelated requests.
        NetVips.NetVips.BlockUntrusted = true;
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        return true;
    });

    private readonly ImagePipelineOptions _options;

    public ImagePipeline(ImagePipelineOptions options)
    {
        _options = options;
        _ = Initialised.Value;
    }

    /// <summary>
    /// Reads only the header: refuses files that are not the declared format, not an image at all, or
    /// larger than <see cref="ImagePipelineOptions.MaxPixels"/>.
    /// </summary>
    public ImageHeader ReadHeader(string path, ImageFormat declared)
    {
        var actual = ImageFormat.FromLoader(Image.FindLoad(path))
            ?? throw new ImageRejectedException("The file is not a JPEG, PNG or WebP image.");
        if (actual != declared)
        {
            throw new ImageRejectedException($"The file is a {actual.Name} image, but {declared.ContentType} was declared.");
        }

        try
        {
            // new_from_file reads the header and defers all decoding.
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var orientation = image.Contains("orientation") ? (int)image.Get("orientation") : 1;
            var sideways = orientation is >= 5 and <= 8;
            var header = new ImageHeader(actual, sideways ? image.Height : image.Width, sideways ? image.Width : image.Height, orientation);
            if (header.Pixels > _options.MaxPixels)
            {
                throw new ImageRejectedException(
                    $"The image is {header.Width}x{header.Height} pixels; at most {_options.MaxPixels / 1_000_000.0:0.#} megapixels are accepted.");
            }

            return header;
        }
        catch (VipsException exception)
        {
            throw new ImageRejectedException("The image header is corrupt.", exception);
        }
    }

    /// <summary>Checks the header, then decodes once and writes every variant; see the class remarks.</summary>
    public ProcessedImage Process(string path, ImageFormat declared)
    {
        var header = ReadHeader(path, declared);
        var widths = PlannedWidths(header.Width);
        try
        {
            using var source = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var hasProfile = source.Contains("icc-profile-data");

            // thumbnail applies the EXIF orientation and shrinks while decoding; a wide-gamut (P3, Adobe RGB)
            // original is converted to sRGB, since the variants carry no profile.
            using var largest = Image.Thumbnail(path, widths[0], height: UnboundedHeight, size: Enums.Size.Down,
                outputProfile: hasProfile ? "srgb" : null, failOn: Enums.FailOn.Error);
            using var decoded = ToDisplayable(largest).CopyMemory();

            var variants = new List<EncodedVariant>(widths.Count * 2);
            var current = decoded;
            var owned = new List<Image>();
            try
            {
                foreach (var width in widths)
                {
                    if (width < current.Width)
                    {
                        // Each smaller variant is resampled from the previous one: decoding happens once.
                        current = current.ThumbnailImage(width, height: UnboundedHeight, size: Enums.Size.Down);
                        owned.Add(current);
                    }

                    variants.Add(EncodeWebp(current));
                    variants.Add(EncodeJpeg(current));
                }

                return new ProcessedImage(header.Format, header.Width, header.Height, variants, Placeholder(current));
            }
            finally
            {
                owned.ForEach(image => image.Dispose());
            }
        }
        catch (VipsException exception)
        {
            throw new ImageRejectedException("The image data is corrupt or truncated.", exception);
        }
    }

    /// <summary>
    /// The configured widths that fit the original, widest first. An original narrower than the widest
    /// configured width also gets a variant at its own width, so no resolution is thrown away.
    /// </summary>
    public IReadOnlyList<int> PlannedWidths(int originalWidth)
    {
        var widths = _options.VariantWidths.Where(w => w > 0 && w <= originalWidth).ToHashSet();
        if (_options.VariantWidths.Any(w => w > originalWidth))
        {
            widths.Add(originalWidth);
        }

        return [.. widths.OrderDescending()];
    }

    private EncodedVariant EncodeWebp(Image image) => new(image.Width, image.Height, "image/webp", "webp",
        image.WebpsaveBuffer(q: _options.WebpQuality, smartSubsample: true, effort: 4, keep: Enums.ForeignKeep.None));

    private EncodedVariant EncodeJpeg(Image image)
    {
        // JPEG has no alpha: transparent areas become white rather than black.
        using var opaque = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
        return new EncodedVariant(image.Width, image.Height, "image/jpeg", "jpg",
            opaque.JpegsaveBuffer(q: _options.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None));
    }

    private string Placeholder(Image smallest)
    {
        var longer = Math.Max(smallest.Width, smallest.Height);
        using var tiny = smallest.ThumbnailImage(Math.Min(32, smallest.Width), height: Math.Min(32, smallest.Height), size: Enums.Size.Down);
        using var opaque = tiny.HasAlpha() ? tiny.Flatten(background: [255, 255, 255]) : tiny.Copy();
        using var rgb = opaque.Bands == 1 ? opaque.Bandjoin(opaque, opaque) : opaque.Copy();
        var pixels = rgb.WriteToMemory<byte>();
        var components = Math.Clamp(_options.PlaceholderComponents, 1, 9);
        var shorter = Math.Clamp((int)Math.Round(components * (double)Math.Min(smallest.Width, smallest.Height) / longer), 3, components);
        var (x, y) = smallest.Width >= smallest.Height ? (components, shorter) : (shorter, components);
        return BlurHash.Encode(pixels, rgb.Width, rgb.Height, x, y);
    }

    /// <summary>8-bit sRGB (or grey) with at most one alpha band: what WebP and JPEG encoders expect.</summary>
    private static Image ToDisplayable(Image image)
    {
        var result = image;
        if (result.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw))
        {
            result = result.Colourspace(Enums.Interpretation.Srgb);
        }

        if (result.Format != Enums.BandFormat.Uchar)
        {
            result = result.Cast(Enums.BandFormat.Uchar);
        }

        return result;
    }
}
