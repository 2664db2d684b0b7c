using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Api.Media;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Media;

public class MediaSweepTests(ShortSweepMediaApiFactory factory) : IClassFixture<ShortSweepMediaApiFactory>
{
    [Fact]
    public async Task The_sweep_deletes_media_never_completed_or_never_attached_with_their_files_and_keeps_attached_ones()
    {
        var user = await factory.CreateUserAsync();
        var neverUploaded = (await user.PresignAsync("image/jpeg", 1000)).MediaId();
        var neverCompleted = await user.PresignAsync("image/jpeg", 1000);
        await MediaApi.UploadAsync(neverCompleted, TestImages.Jpeg(300, 200));
        var neverAttached = await user.UploadImageAsync(TestImages.Jpeg(400, 300), "image/jpeg");
        var attached = await user.UploadImageAsync(TestImages.Jpeg(500, 300), "image/jpeg");
        (await user.Client.PostAsJsonAsync("/posts/p/", new { text = "keep me", images = new[] { attached.MediaId().ToString() } })).EnsureSuccessStatusCode();
        var files = Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains(neverAttached.MediaId().ToString(), StringComparison.Ordinal));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // Media:AbandonedAfter is one second here
        int deleted;
        using (var scope = factory.Services.CreateScope())
        {
            deleted = await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(CancellationToken.None);
        }

        Assert.Equal(3, deleted);
        await using var db = factory.CreateDbContext();
        Assert.Equal([attached.MediaId()], await db.Media.Where(m => m.OwnerId == user.Id).Select(m => m.Id).ToListAsync());
        var left = Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".signing-key", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, f => Assert.Contains(attached.MediaId().ToString(), f, StringComparison.Ordinal));
        Assert.DoesNotContain(neverUploaded.ToString(), string.Join(' ', left), StringComparison.Ordinal);
    }
}

/// <summary>Media whose content went away; a factory (and folder) of its own, because the sweep sees every user's media.</summary>
public class MediaReleaseSweepTests(ShortSweepMediaApiFactory factory) : IClassFixture<ShortSweepMediaApiFactory>
{
    [Fact]
    public async Task Media_of_deleted_or_edited_posts_products_and_avatars_are_swept_and_media_still_shown_elsewhere_are_kept()
    {
        var user = await factory.CreateUserAsync();
        var ofDeletedPost = await user.UploadImageAsync(TestImages.Jpeg(400, 300), "image/jpeg");
        var droppedByEdit = await user.UploadImageAsync(TestImages.Jpeg(420, 300), "image/jpeg");
        var sharedByTwoPosts = await user.UploadImageAsync(TestImages.Jpeg(440, 300), "image/jpeg");
        var ofDeletedProduct = await user.UploadImageAsync(TestImages.Jpeg(460, 300), "image/jpeg", purpose: "product");
        var oldAvatar = await user.UploadImageAsync(TestImages.Jpeg(300, 300), "image/jpeg", purpose: "avatar");
        var keptInPost = await user.UploadImageAsync(TestImages.Jpeg(480, 300), "image/jpeg");

        var deletedPost = await CreatePostAsync(user, ofDeletedPost, sharedByTwoPosts);
        var editedPost = await CreatePostAsync(user, droppedByEdit, keptInPost);
        await CreatePostAsync(user, sharedByTwoPosts);
        var product = await (await user.Client.PostAsJsonAsync("/products/", new
        {
            name = "천혜향 3kg",
            price = 30000,
            product_link = "https://store.example.com/cheonhyehyang",
            product_image_link = ofDeletedProduct.MediaId().ToString(),
        })).ReadJsonAsync(HttpStatusCode.Created);
        (await user.Client.PatchAsJsonAsync($"/accounts/users/{user.Handle}/",
            new { profile = new { profile_image = oldAvatar.MediaId().ToString() } })).EnsureSuccessStatusCode();

        // The owner takes the content away: delete, edit the images, replace the avatar by a plain URL.
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/posts/p/{deletedPost}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/products/{product.Uuid()}/")).StatusCode);
        (await user.Client.PatchAsJsonAsync($"/posts/p/{editedPost}/", new { images = new[] { keptInPost.MediaId().ToString() } })).EnsureSuccessStatusCode();
        (await user.Client.PatchAsJsonAsync($"/accounts/users/{user.Handle}/",
            new { profile = new { profile_image = "https://cdn.example.com/me.jpg" } })).EnsureSuccessStatusCode();

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // Media:AbandonedAfter is one second here, also after the last attach
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(CancellationToken.None);
        }

        await using var db = factory.CreateDbContext();
        var left = await db.Media.Where(m => m.OwnerId == user.Id).Select(m => m.Id).ToListAsync();
        Assert.Equal(new[] { sharedByTwoPosts.MediaId(), keptInPost.MediaId() }.Order(), left.Order());
        var files = string.Join(' ', Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories));
        foreach (var gone in new[] { ofDeletedPost, droppedByEdit, ofDeletedProduct, oldAvatar })
        {
            Assert.DoesNotContain(gone.MediaId().ToString(), files, StringComparison.Ordinal);
        }

        Assert.Contains(keptInPost.MediaId().ToString(), files, StringComparison.Ordinal);
        Assert.Contains(sharedByTwoPosts.MediaId().ToString(), files, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_the_stored_files_of_its_media()
    {
        var user = await factory.CreateUserAsync();
        var bystander = await factory.CreateUserAsync();
        var shown = await user.UploadImageAsync(TestImages.Jpeg(500, 400), "image/jpeg");
        var unattached = await user.UploadImageAsync(TestImages.Jpeg(520, 400), "image/jpeg");
        var others = await bystander.UploadImageAsync(TestImages.Jpeg(540, 400), "image/jpeg");
        await CreatePostAsync(user, shown);
        string Files() => string.Join(' ', Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories));
        Assert.Contains(shown.MediaId().ToString(), Files(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/accounts/users/{user.Handle}/")).StatusCode);

        var files = Files();
        Assert.DoesNotContain(shown.MediaId().ToString(), files, StringComparison.Ordinal);
        Assert.DoesNotContain(unattached.MediaId().ToString(), files, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id.ToString(), files, StringComparison.Ordinal);
        Assert.Contains(others.MediaId().ToString(), files, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Media.AnyAsync(m => m.OwnerId == user.Id));
    }

    private static async Task<Guid> CreatePostAsync(TestUser user, params JsonElement[] images) =>
        (await (await user.Client.PostAsJsonAsync("/posts/p/", new
        {
            text = "사진",
            images = images.Select(i => i.MediaId().ToString()).ToArray(),
        })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
}
