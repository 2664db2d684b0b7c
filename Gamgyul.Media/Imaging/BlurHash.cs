using System.Text;

namespace Gamgyul.Media.Imaging;

/// <summary>
/// BlurHash (https://blurha.sh): a short string of base-83 digits holding the mean colour and a few
/// cosine components of an image, which clients paint as a blurred placeholder while the variant loads.
/// Written here from the published algorithm; the decoder exists so tests (and the Api) can check a hash.
/// </summary>
public static class BlurHash
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>Encodes packed 8-bit RGB pixels (row-major, 3 bytes a pixel).</summary>
    public static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int componentsX, int componentsY)
    {
        if (componentsX is < 1 or > 9 || componentsY is < 1 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(componentsX), "BlurHash has 1 to 9 components in each direction.");
        }

        if (rgb.Length < width * height * 3 || width < 1 || height < 1)
        {
            throw new ArgumentException("The pixel buffer does not match the dimensions.", nameof(rgb));
        }

        // Linearise once; the basis sums below visit every pixel once per component.
        var linear = new float[width * height * 3];
        for (var i = 0; i < linear.Length; i++)
        {
            linear[i] = SrgbToLinear(rgb[i]);
        }

        var factors = new (double R, double G, double B)[componentsX * componentsY];
        var cosX = new double[width];
        var cosY = new double[height];
        for (var j = 0; j < componentsY; j++)
        {
            for (var y = 0; y < height; y++)
            {
                cosY[y] = Math.Cos(Math.PI * j * y / height);
            }

            for (var i = 0; i < componentsX; i++)
            {
                for (var x = 0; x < width; x++)
                {
                    cosX[x] = Math.Cos(Math.PI * i * x / width);
                }

                double r = 0, g = 0, b = 0;
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var basis = cosX[x] * cosY[y];
                        var p = (y * width + x) * 3;
                        r += basis * linear[p];
                        g += basis * linear[p + 1];
                        b += basis * linear[p + 2];
                    }
                }

                var scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (width * height);
                factors[j * componentsX + i] = (r * scale, g * scale, b * scale);
            }
        }

        var hash = new StringBuilder(6 + 2 * factors.Length);
        Append(hash, componentsX - 1 + (componentsY - 1) * 9, 1);

        var maximum = 1.0;
        if (factors.Length > 1)
        {
            var actualMaximum = factors.Skip(1).Max(f => Math.Max(Math.Abs(f.R), Math.Max(Math.Abs(f.G), Math.Abs(f.B))));
            var quantised = (int)Math.Clamp(Math.Floor(actualMaximum * 166 - 0.5), 0, 82);
            maximum = (quantised + 1) / 166.0;
            Append(hash, quantised, 1);
        }
        else
        {
            Append(hash, 0, 1);
        }

        var dc = factors[0];
        Append(hash, (LinearToSrgb(dc.R) << 16) | (LinearToSrgb(dc.G) << 8) | LinearToSrgb(dc.B), 4);
        foreach (var (r, g, b) in factors.Skip(1))
        {
            Append(hash, QuantiseAc(r, maximum) * 19 * 19 + QuantiseAc(g, maximum) * 19 + QuantiseAc(b, maximum), 2);
        }

        return hash.ToString();
    }

    /// <summary>Paints a hash as packed 8-bit RGB pixels; throws <see cref="FormatException"/> for an invalid hash.</summary>
    public static byte[] Decode(string hash, int width, int height)
    {
        if (hash.Length < 6)
        {
            throw new FormatException("A BlurHash has at least 6 characters.");
        }

        var sizeFlag = Read(hash, 0, 1);
        var componentsX = sizeFlag % 9 + 1;
        var componentsY = sizeFlag / 9 + 1;
        if (hash.Length != 4 + 2 * componentsX * componentsY)
        {
            throw new FormatException($"A BlurHash with {componentsX}x{componentsY} components has {4 + 2 * componentsX * componentsY} characters, not {hash.Length}.");
        }

        var maximum = (Read(hash, 1, 1) + 1) / 166.0;
        var colours = new (double R, double G, double B)[componentsX * componentsY];
        var dc = Read(hash, 2, 4);
        colours[0] = (SrgbToLinear((byte)(dc >> 16)), SrgbToLinear((byte)(dc >> 8)), SrgbToLinear((byte)dc));
        for (var c = 1; c < colours.Length; c++)
        {
            var value = Read(hash, 4 + c * 2, 2);
            colours[c] = (DequantiseAc(value / (19 * 19), maximum), DequantiseAc(value / 19 % 19, maximum), DequantiseAc(value % 19, maximum));
        }

        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double r = 0, g = 0, b = 0;
                for (var j = 0; j < componentsY; j++)
                {
                    for (var i = 0; i < componentsX; i++)
                    {
                        var basis = Math.Cos(Math.PI * x * i / width) * Math.Cos(Math.PI * y * j / height);
                        var colour = colours[j * componentsX + i];
                        r += colour.R * basis;
                        g += colour.G * basis;
                        b += colour.B * basis;
                    }
                }

                var p = (y * width + x) * 3;
                pixels[p] = (byte)LinearToSrgb(r);
                pixels[p + 1] = (byte)LinearToSrgb(g);
                pixels[p + 2] = (byte)LinearToSrgb(b);
            }
        }

        return pixels;
    }

    private static int QuantiseAc(double value, double maximum) =>
        (int)Math.Clamp(Math.Floor(SignedPow(value / maximum, 0.5) * 9 + 9.5), 0, 18);

    private static double DequantiseAc(int quantised, double maximum) => SignedPow((quantised - 9) / 9.0, 2) * maximum;

    private static double SignedPow(double value, double exponent) => Math.CopySign(Math.Pow(Math.Abs(value), exponent), value);

    private static float SrgbToLinear(byte value)
    {
        var v = value / 255f;
        return v <= 0.04045f ? v / 12.92f : MathF.Pow((v + 0.055f) / 1.055f, 2.4f);
    }

    private static int LinearToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308 ? (int)(v * 12.92 * 255 + 0.5) : (int)((1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void Append(StringBuilder hash, int value, int length)
    {
        for (var i = 1; i <= length; i++)
        {
            var digit = value / (int)Math.Pow(83, length - i) % 83;
            hash.Append(Digits[digit]);
        }
    }

    private static int Read(string hash, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = Digits.IndexOf(hash[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException($"'{hash[i]}' is not a BlurHash digit.");
            }

            value = value * 83 + digit;
        }

        return value;
    }
}
