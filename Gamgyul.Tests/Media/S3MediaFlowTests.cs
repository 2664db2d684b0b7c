using System.Net;
using System.Net.Http.Json;
using Amazon.S3;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Media;

/// <summary>
/// The whole flow against a real S3 protocol server (s3rver): presigned POST straight to the bucket,
/// completion, processing, variants written with PutObject and read back through presigned GET URLs.
/// </summary>
public class S3MediaFlowTests(S3MediaApiFactory factory) : IClassFixture<S3MediaApiFactory>
{
    [Fact]
    public async Task A_photo_uploaded_by_presigned_post_becomes_upright_variants_read_by_signed_urls()
    {
        var user = await factory.CreateUserAsync();
        var original = TestImages.JpegWithExifGpsAndOrientation(1600, 1200);
        var presigned = await user.PresignAsync("image/jpeg", original.Length);
        Assert.StartsWith((await S3rverServer.GetAsync()).ServiceUrl, presigned.GetProperty("url").GetString(), StringComparison.Ordinal);
        var fields = presigned.GetProperty("fields");
        Assert.Equal($"uploads/{user.Id}/{presigned.MediaId()}", fields.GetProperty("key").GetString());
        Assert.False(fields.TryGetProperty("acl", out _), "nothing is public-read");
        // The field names reach the browser exactly as the SDK signed them (S3 matches them against the policy).
        Assert.Equal(
            new[] { "Content-Type", "Policy", "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature" },
            fields.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));

        var upload = await MediaApi.UploadAsync(presigned, original);
        Assert.True(upload.IsSuccessStatusCode, $"{upload.StatusCode}");
        Assert.Equal(HttpStatusCode.Accepted, (await user.CompleteAsync(presigned.MediaId())).StatusCode);
        var media = await user.WaitProcessedAsync(presigned.MediaId());

        Assert.Equal("ready", media.GetProperty("state").GetString());
        Assert.Equal(1200, media.GetProperty("width").GetInt32());
        Assert.Equal(1600, media.GetProperty("height").GetInt32());
        Assert.Equal([1080, 1080, 640, 640, 320, 320], media.Variants().Select(v => v.GetProperty("width").GetInt32()));
        foreach (var variant in media.Variants())
        {
            var url = variant.GetProperty("url").GetString()!;
            Assert.Contains("X-Amz-Signature=", url, StringComparison.Ordinal);
            var bytes = await MediaApi.DownloadAsync(url);
            Assert.Equal(variant.GetProperty("size").GetInt64(), bytes.Length);
            Assert.True(bytes.Length < original.Length);
            Assert.Empty(TestImages.MetadataFields(bytes));
            Assert.True(TestImages.MeanColour(bytes, 0.05, 0.4)[0] > 150, "upright: red on top");
        }

        // The original stays, private, under the pinned key.
        var s3 = factory.Services.GetRequiredService<IAmazonS3>();
        var stored = await s3.GetObjectMetadataAsync(S3rverServer.Bucket, $"uploads/{user.Id}/{presigned.MediaId()}");
        Assert.Equal(original.Length, stored.ContentLength);

        var post = await (await user.Client.PostAsJsonAsync("/posts/p/", new { text = "s3", images = new[] { presigned.MediaId().ToString() } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(media.GetProperty("display_url").GetString(), post.GetProperty("images").Strings().Single());
    }

    [Fact]
    public async Task An_oversize_object_that_the_server_let_through_is_refused_at_completion_and_deleted()
    {
        // s3rver does not enforce the policy's content-length-range; the Api checks the stored size itself.
        var user = await factory.CreateUserAsync();
        var presigned = await user.PresignAsync("image/jpeg", 1000);
        var upload = await MediaApi.UploadAsync(presigned, new byte[S3MediaApiFactory.MaxUploadBytes + 1]);
        Assert.True(upload.IsSuccessStatusCode);

        var complete = await user.CompleteAsync(presigned.MediaId());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, complete.StatusCode);
        Assert.Contains($"1 to {S3MediaApiFactory.MaxUploadBytes} bytes", await complete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var s3 = factory.Services.GetRequiredService<IAmazonS3>();
        var listing = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = S3rverServer.Bucket, Prefix = $"uploads/{user.Id}/" });
        Assert.Empty(listing.S3Objects ?? []);
        var media = await user.Client.GetJsonAsync($"/images/{presigned.MediaId()}/");
        Assert.Equal("failed", media.GetProperty("state").GetString());
        var post = await user.Client.PostAsJsonAsync("/posts/p/", new { text = "x", images = new[] { presigned.MediaId().ToString() } });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Null((await db.Media.SingleAsync(m => m.Id == presigned.MediaId())).AttachedAt);
    }
}
