using System.Net.Http.Json;
using Gamgyul.Api.Media;
using Gamgyul.Tests.Infrastructure;
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
