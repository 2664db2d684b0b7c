using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Media.Imaging;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Media;

/// <summary>The whole upload flow with the file-system adapter, over real HTTP (Kestrel).</summary>
public class FileSystemMediaFlowTests(FileSystemMediaApiFactory factory) : IClassFixture<FileSystemMediaApiFactory>
{
    [Fact]
    public async Task Phone_photo_with_gps_and_rotation_comes_out_upright_without_metadata_in_the_promised_widths()
    {
        var user = await factory.CreateUserAsync();
        // Stored 1600x1200 (landscape) with "rotate 90° clockwise": the photo is 1200x1600 upright.
        var original = TestImages.JpegWithExifGpsAndOrientation(1600, 1200);
        Assert.Contains(TestImages.MetadataFields(original), f => f.Contains("GPSLatitude", StringComparison.Ordinal));

        var media = await user.UploadImageAsync(original, "image/jpeg");

        Assert.Equal("ready", media.GetProperty("state").GetString());
        Assert.Equal(1200, media.GetProperty("width").GetInt32());
        Assert.Equal(1600, media.GetProperty("height").GetInt32());
        var variants = media.Variants();
        Assert.Equal(
            ["1080 image/jpeg", "1080 image/webp", "640 image/jpeg", "640 image/webp", "320 image/jpeg", "320 image/webp"],
            variants.Select(v => $"{v.GetProperty("width").GetInt32()} {v.GetProperty("content_type").GetString()}"));
        foreach (var variant in variants)
        {
            var width = variant.GetProperty("width").GetInt32();
            Assert.Equal((int)Math.Round(width * 4 / 3.0), variant.GetProperty("height").GetInt32());
            var bytes = await MediaApi.DownloadAsync(variant.GetProperty("url").GetString()!);
            Assert.Equal(variant.GetProperty("size").GetInt64(), bytes.Length);
            Assert.True(bytes.Length < original.Length, $"a {width} px variant ({bytes.Length} B) is smaller than the original ({original.Length} B)");
            Assert.Empty(TestImages.MetadataFields(bytes));
            Assert.DoesNotContain("Exif"u8.ToArray(), [bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).ToArray()], new SubsequenceComparer());
            // Upright: the stored left half (red) is now the top, the right half (blue) the bottom.
            var top = TestImages.MeanColour(bytes, 0.05, 0.4);
            var bottom = TestImages.MeanColour(bytes, 0.6, 0.95);
            Assert.True(top[0] > 150 && top[2] < 100, $"top is red: {string.Join(",", top)}");
            Assert.True(bottom[2] > 150 && bottom[0] < 100, $"bottom is blue: {string.Join(",", bottom)}");
        }

        // The placeholder decodes to the same picture: red above blue.
        var placeholder = BlurHash.Decode(media.GetProperty("placeholder").GetString()!, 8, 8);
        Assert.True(placeholder[0] > 120 && placeholder[2] < 110, "placeholder top-left is red");
        var last = (8 * 8 - 1) * 3;
        Assert.True(placeholder[last + 2] > 120 && placeholder[last] < 110, "placeholder bottom-right is blue");
    }

    [Fact]
    public async Task The_original_presigned_path_gives_a_form_and_the_media_goes_from_uploading_to_pending_to_ready()
    {
        var user = await factory.CreateUserAsync();
        var photo = TestImages.Jpeg(800, 600);
        var presigned = await (await user.Client.PostAsJsonAsync("/posts/presigned/",
            new { purpose = "post", content_type = "image/jpeg", size = photo.Length })).ReadJsonAsync();
        Assert.StartsWith(factory.CreateClient().BaseAddress!.ToString().TrimEnd('/'), presigned.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("image/jpeg", presigned.GetProperty("fields").GetProperty("Content-Type").GetString());
        Assert.True(presigned.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var id = presigned.MediaId();
        Assert.Equal("uploading", (await user.Client.GetJsonAsync($"/images/{id}/")).GetProperty("state").GetString());

        (await MediaApi.UploadAsync(presigned, photo)).EnsureSuccessStatusCode();
        var completed = await user.CompleteAsync(id);
        Assert.Equal("pending", (await completed.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("state").GetString());
        Assert.Equal("ready", (await user.WaitProcessedAsync(id)).GetProperty("state").GetString());
        var again = await (await user.CompleteAsync(id)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ready", again.GetProperty("state").GetString());
    }

    private sealed class SubsequenceComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? needle, byte[]? haystack) =>
            needle is not null && haystack is not null && haystack.AsSpan().IndexOf(needle) >= 0;

        public int GetHashCode(byte[] obj) => 0;
    }
}
