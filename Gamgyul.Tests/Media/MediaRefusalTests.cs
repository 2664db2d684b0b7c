using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Media;

/// <summary>Uploads that must be refused with a clear reason, leaving nothing attached (file-system adapter, real HTTP).</summary>
public class MediaRefusalTests(FileSystemMediaApiFactory factory) : IClassFixture<FileSystemMediaApiFactory>
{
    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "text named .jpg", Encoding.UTF8.GetBytes("just some text, saved as photo.jpg\n"), "not a JPEG, PNG or WebP image" },
        { "truncated JPEG", TestImages.TruncatedJpeg(), "corrupt or truncated" },
        { "20000x20000 JPEG", TestImages.JpegClaiming(20000, 20000), "20000x20000 pixels; at most 40 megapixels" },
        { "PNG declared as JPEG", TestImages.Png(400, 300), "is a PNG image, but image/jpeg was declared" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_uploads_fail_with_a_clear_reason_keep_nothing_and_cannot_be_attached(string what, byte[] content, string reason)
    {
        var user = await factory.CreateUserAsync();

        var media = await user.UploadImageAsync(content, "image/jpeg");

        Assert.True(media.GetProperty("state").GetString() == "failed", what);
        Assert.Contains(reason, media.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(media.Variants());
        var id = media.MediaId();
        Assert.False(File.Exists(Path.Combine(factory.StorageRoot, "uploads", user.Id.ToString(), id.ToString())), "the refused original is deleted");
        Assert.False(Directory.Exists(Path.Combine(factory.StorageRoot, "variants", id.ToString())));

        var post = await user.Client.PostAsJsonAsync("/posts/p/", new { text = "with a refused image", images = new[] { id.ToString() } });
        Assert.Equal(["images[0]"], await post.ValidationErrorFieldsAsync());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Posts.AnyAsync(p => p.AuthorId == user.Id));
        Assert.Null((await db.Media.SingleAsync(m => m.Id == id)).AttachedAt);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_by_the_form_and_nothing_is_stored()
    {
        var user = await factory.CreateUserAsync();
        // The client claims a small file, then sends one over the limit.
        var presigned = await user.PresignAsync("image/jpeg", 1000);
        var oversize = new byte[FileSystemMediaApiFactory.MaxUploadBytes + 1];

        var upload = await MediaApi.UploadAsync(presigned, oversize);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        var problem = await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains($"larger than the {FileSystemMediaApiFactory.MaxUploadBytes} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var folder = Path.Combine(factory.StorageRoot, "uploads", user.Id.ToString());
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "nothing, not even a partial file, is kept");

        var complete = await user.CompleteAsync(presigned.MediaId());
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        var post = await user.Client.PostAsJsonAsync("/posts/p/", new { text = "x", images = new[] { presigned.MediaId().ToString() } });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Declaring_an_oversize_or_unsupported_file_is_refused_before_any_upload()
    {
        var user = await factory.CreateUserAsync();

        var tooLarge = await user.Client.PostAsJsonAsync("/images/presigned/",
            new { purpose = "post", content_type = "image/jpeg", size = FileSystemMediaApiFactory.MaxUploadBytes + 1 });
        var heic = await user.Client.PostAsJsonAsync("/images/presigned/", new { purpose = "post", content_type = "image/heic", size = 1000 });
        var purpose = await user.Client.PostAsJsonAsync("/images/presigned/", new { purpose = "banner", content_type = "image/png", size = 1000 });

        Assert.Equal(["size"], await tooLarge.ValidationErrorFieldsAsync());
        Assert.Equal(["content_type"], await heic.ValidationErrorFieldsAsync());
        Assert.Equal(["purpose"], await purpose.ValidationErrorFieldsAsync());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Media.AnyAsync(m => m.OwnerId == user.Id));
    }

    [Fact]
    public async Task Another_users_media_can_be_neither_completed_nor_read_nor_attached()
    {
        var owner = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var ready = await owner.UploadImageAsync(TestImages.Jpeg(800, 600), "image/jpeg");
        var uploaded = await owner.PresignAsync("image/jpeg", 1000);
        Assert.Equal(HttpStatusCode.NoContent, (await MediaApi.UploadAsync(uploaded, TestImages.Jpeg(800, 600))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.CompleteAsync(uploaded.MediaId())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/images/{ready.MediaId()}/")).StatusCode);
        var post = await other.Client.PostAsJsonAsync("/posts/p/", new { text = "stolen", images = new[] { ready.MediaId().ToString() } });
        Assert.Equal(["images[0]"], await post.ValidationErrorFieldsAsync());
        var product = await other.Client.PostAsJsonAsync("/products/",
            new { name = "감귤 5kg", price = 1000, product_link = "https://store.example.com/p/1", images = new[] { ready.MediaId().ToString() } });
        Assert.Equal(["images[0]"], await product.ValidationErrorFieldsAsync());
        var avatar = await other.Client.PatchAsJsonAsync($"/accounts/users/{other.Handle}/", new { profile = new { profile_image = ready.MediaId().ToString() } });
        Assert.Equal(["profile.profile_image"], await avatar.ValidationErrorFieldsAsync());

        await using var db = factory.CreateDbContext();
        Assert.Equal("uploading", (await db.Media.SingleAsync(m => m.Id == uploaded.MediaId())).State.ToString().ToLowerInvariant());
        Assert.Null((await db.Media.SingleAsync(m => m.Id == ready.MediaId())).AttachedAt);
        Assert.False(await db.Posts.AnyAsync(p => p.AuthorId == other.Id));
        // Not even the owner can attach an upload that was never completed.
        var early = await owner.Client.PostAsJsonAsync("/posts/p/", new { text = "too early", images = new[] { uploaded.MediaId().ToString() } });
        Assert.Equal(["images[0]"], await early.ValidationErrorFieldsAsync());
    }
}
