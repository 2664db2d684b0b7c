using System.Buffers.Binary;
using NetVips;

namespace Gamgyul.Tests.Media;

/// <summary>Images made by the tests themselves (no files, no network).</summary>
internal static class TestImages
{
    public static readonly double[] Red = [220, 40, 30];
    public static readonly double[] Blue = [30, 60, 220];

    /// <summary>Left half red, right half blue, with a fine texture so encoders have detail to keep.</summary>
    public static Image Halves(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var left = x < width / 2;
        using var halves = left.Ifthenelse(Red, Blue);
        using var texture = ((x * 7 + y * 3) % 16) - 8;
        using var textured = halves + texture;
        return textured.Cast(Enums.BandFormat.Uchar);
    }

    public static byte[] Jpeg(int width, int height, int quality = 95)
    {
        using var image = Halves(width, height);
        return image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Halves(width, height);
        using var withAlpha = image.Bandjoin(255);
        return withAlpha.PngsaveBuffer();
    }

    public static byte[] Webp(int width, int height)
    {
        using var image = Halves(width, height);
        return image.WebpsaveBuffer(q: 95);
    }

    /// <summary>
    /// A JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6) and carries a GPS position
    /// (33°30'N), like a phone photo taken upright.
    /// </summary>
    public static byte[] JpegWithExifGpsAndOrientation(int storedWidth, int storedHeight)
    {
        var jpeg = Jpeg(storedWidth, storedHeight);
        var tiff = ExifTiff(orientation: 6, latitudeDegrees: 33, latitudeMinutes: 30);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        // Right after the SOI marker, where cameras put it.
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>A real JPEG cut off part-way through its image data.</summary>
    public static byte[] TruncatedJpeg()
    {
        var jpeg = Jpeg(1600, 1200);
        return jpeg[..(jpeg.Length * 6 / 10)];
    }

    /// <summary>A small JPEG whose frame header claims 20000x20000 pixels: a decompression bomb's header, cheaply.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Jpeg(64, 64);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No SOF marker in the generated JPEG.");
    }

    /// <summary>Names of the metadata fields libvips finds in an encoded image (EXIF, XMP, IPTC, ICC, orientation).</summary>
    public static string[] MetadataFields(byte[] encoded)
    {
        using var image = Image.NewFromBuffer(encoded);
        return image.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
            || f.StartsWith("iptc", StringComparison.Ordinal) || f.StartsWith("icc", StringComparison.Ordinal)
            || f == "orientation" || f.StartsWith("gps", StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Mean RGB of a horizontal band of an encoded image (fractions of the height).</summary>
    public static double[] MeanColour(byte[] encoded, double top, double bottom)
    {
        using var image = Image.NewFromBuffer(encoded);
        var y = (int)(image.Height * top);
        using var band = image.Crop(0, y, image.Width, Math.Max(1, (int)(image.Height * bottom) - y));
        return [.. Enumerable.Range(0, 3).Select(b => { using var channel = band[b]; return channel.Avg(); })];
    }

    private static byte[] ExifTiff(ushort orientation, uint latitudeDegrees, uint latitudeMinutes)
    {
        // Little-endian TIFF: header, IFD0 (orientation, GPS IFD pointer), GPS IFD (latitude ref and value).
        var tiff = new byte[92];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);

        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 2);
        Entry(span[10..], tag: 0x0112, type: 3, count: 1, value: orientation);
        Entry(span[22..], tag: 0x8825, type: 4, count: 1, value: 38);
        BinaryPrimitives.WriteUInt32LittleEndian(span[34..], 0);

        BinaryPrimitives.WriteUInt16LittleEndian(span[38..], 2);
        Entry(span[40..], tag: 0x0001, type: 2, count: 2, value: 'N');
        Entry(span[52..], tag: 0x0002, type: 5, count: 3, value: 68);
        BinaryPrimitives.WriteUInt32LittleEndian(span[64..], 0);

        uint[] rationals = [latitudeDegrees, 1, latitudeMinutes, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(68 + i * 4)..], rationals[i]);
        }

        return tiff;
    }

    private static void Entry(Span<byte> span, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], value);
    }
}
