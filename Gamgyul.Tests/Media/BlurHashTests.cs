using Gamgyul.Media.Imaging;

namespace Gamgyul.Tests.Media;

public class BlurHashTests
{
    [Fact]
    public void A_hash_decodes_back_to_the_colours_it_was_made_from()
    {
        // 32x16: orange on the left, green on the right.
        const int width = 32, height = 16;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 3;
                (pixels[p], pixels[p + 1], pixels[p + 2]) = x < width / 2 ? ((byte)250, (byte)140, (byte)20) : ((byte)40, (byte)160, (byte)60);
            }
        }

        var hash = BlurHash.Encode(pixels, width, height, 4, 3);
        var decoded = BlurHash.Decode(hash, width, height);

        Assert.Equal(4 + 2 * 4 * 3, hash.Length);
        var left = (8 * width + 2) * 3;
        var right = (8 * width + width - 3) * 3;
        Assert.InRange(decoded[left], 200, 255);
        Assert.InRange(decoded[left + 2], 0, 90);
        Assert.InRange(decoded[right + 1], 110, 200);
        Assert.InRange(decoded[right], 0, 110);
    }

    [Fact]
    public void A_flat_image_has_a_single_component_hash_of_its_colour()
    {
        var pixels = Enumerable.Repeat(new byte[] { 10, 20, 30 }, 9).SelectMany(p => p).ToArray();
        var hash = BlurHash.Encode(pixels, 3, 3, 1, 1);
        var decoded = BlurHash.Decode(hash, 2, 2);
        Assert.Equal(6, hash.Length);
        Assert.Equal([10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30], decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("LEHV6nWB2yk8pyo0adR*.7kCMdnj")]
    [InlineData("L\"HV6nWB2yk8pyo0adR*.7kCMdnj")]
    public void An_invalid_hash_is_a_format_error(string hash)
    {
        if (hash.Length == 28 && hash[1] != '"')
        {
            // A well-formed hash from the reference implementation's examples decodes.
            Assert.Equal(4 * 3 * 3, BlurHash.Decode(hash, 4, 3).Length);
            Assert.Throws<FormatException>(() => BlurHash.Decode(hash[..^1], 4, 3));
            return;
        }

        Assert.Throws<FormatException>(() => BlurHash.Decode(hash, 4, 3));
    }
}
