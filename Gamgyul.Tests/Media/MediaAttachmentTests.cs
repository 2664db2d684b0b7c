using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Media;

/// <summary>Posts, products and avatars take media ids; responses keep carrying image URLs.</summary>
public class MediaAttachmentTests(FileSystemMediaApiFactory factory) : IClassFixture<FileSystemMediaApiFactory>
{
    [Fact]
    public async Task A_post_takes_media_ids_and_answers_with_urls_that_lead_to_the_variants()
    {
        var user = await factory.CreateUserAsync();
        var jpeg = await user.UploadImageAsync(TestImages.Jpeg(1600, 1200), "image/jpeg");
        var webp = await user.UploadImageAsync(TestImages.Webp(1300, 700), "image/webp");
        var png = await user.UploadImageAsync(TestImages.Png(900, 600), "image/png");
        Assert.All(new[] { jpeg, webp, png }, m => Assert.Equal("ready", m.GetProperty("state").GetString()));
        Assert.Equal([1080, 1080, 640, 640, 320, 320], webp.Variants().Select(v => v.GetProperty("width").GetInt32()));
        Assert.Equal([900, 900, 640, 640, 320, 320], png.Variants().Select(v => v.GetProperty("width").GetInt32()));

        var post = await (await user.Client.PostAsJsonAsync("/posts/p/", new
        {
            text = "귤 사진 #감귤",
            images = new[] { jpeg.MediaId().ToString(), "https://cdn.example.com/old-client.jpg", png.GetProperty("display_url").GetString() },
        })).ReadJsonAsync(HttpStatusCode.Created);

        var images = post.GetProperty("images").Strings();
        Assert.Equal(jpeg.GetProperty("display_url").GetString(), images[0]);
        Assert.Equal("https://cdn.example.com/old-client.jpg", images[1]);
        Assert.Equal(png.GetProperty("display_url").GetString(), images[2]);

        // Anyone (an <img> sends no token) follows the stable URL to a short-lived variant URL.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var webpRequest = new HttpRequestMessage(HttpMethod.Get, images[0]);
        webpRequest.Headers.Accept.ParseAdd("image/avif,image/webp,*/*");
        var redirect = await browser.SendAsync(webpRequest);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/variants/", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("1080.webp", redirect.Headers.Location.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Accept", redirect.Headers.Vary);
        Assert.True(redirect.Headers.CacheControl!.MaxAge > TimeSpan.Zero);
        var bytes = await MediaApi.DownloadAsync(redirect.Headers.Location.ToString());
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);

        var jpegRedirect = await browser.GetAsync(images[0] + "?width=500");
        Assert.EndsWith("640.jpg", jpegRedirect.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        await using var db = factory.CreateDbContext();
        var stored = await db.Posts.Where(p => p.Id == post.Uuid()).Select(p => p.Images.OrderBy(i => i.Position).Select(i => i.MediaId).ToList()).SingleAsync();
        Assert.Equal([jpeg.MediaId(), null, png.MediaId()], stored);
        Assert.NotNull((await db.Media.SingleAsync(m => m.Id == jpeg.MediaId())).AttachedAt);
        Assert.Null((await db.Media.SingleAsync(m => m.Id == webp.MediaId())).AttachedAt);

        // What a client read can be sent back unchanged.
        var patched = await (await user.Client.PatchAsJsonAsync($"/posts/p/{post.Uuid()}/", new { images })).ReadJsonAsync();
        Assert.Equal(images, patched.GetProperty("images").Strings());
    }

    [Fact]
    public async Task Unattached_media_are_not_public()
    {
        var user = await factory.CreateUserAsync();
        var media = await user.UploadImageAsync(TestImages.Jpeg(600, 400), "image/jpeg");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(media.GetProperty("display_url").GetString())).StatusCode);
    }

    [Fact]
    public async Task Products_and_avatars_take_media_ids()
    {
        var user = await factory.CreateUserAsync();
        var photo = await user.UploadImageAsync(TestImages.Jpeg(1200, 900), "image/jpeg", purpose: "product");
        var face = await user.UploadImageAsync(TestImages.Jpeg(800, 800), "image/jpeg", purpose: "avatar");

        var product = await (await user.Client.PostAsJsonAsync("/products/", new
        {
            name = "한라봉 5kg",
            price = 35000,
            product_link = "https://store.example.com/hallabong",
            product_image_link = photo.MediaId().ToString(),
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(photo.GetProperty("display_url").GetString(), product.GetProperty("product_image_link").GetString());

        var profile = await (await user.Client.PatchAsJsonAsync($"/accounts/users/{user.Handle}/",
            new { profile = new { profile_image = face.MediaId().ToString() } })).ReadJsonAsync();
        var avatarUrl = profile.GetProperty("profile").GetProperty("profile_image").GetString()!;
        Assert.Equal(face.GetProperty("display_url").GetString() + "?width=320", avatarUrl);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirect = await browser.GetAsync(avatarUrl);
        Assert.EndsWith("320.jpg", redirect.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        await using var db = factory.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Equal(face.MediaId(), stored.Profile.AvatarMediaId);
        Assert.NotNull((await db.Media.SingleAsync(m => m.Id == face.MediaId())).AttachedAt);
        Assert.NotNull((await db.Media.SingleAsync(m => m.Id == photo.MediaId())).AttachedAt);
    }
}
