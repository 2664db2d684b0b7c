using System.Net;
using System.Net.Http.Json;
using Gamgyul.Media.Storage;
using Gamgyul.Media.Storage.FileSystem;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Media;

/// <summary>The Api as a storage server enforces its signed upload policy and signed read URLs itself.</summary>
public class FileSystemStorageSecurityTests(FileSystemMediaApiFactory factory) : IClassFixture<FileSystemMediaApiFactory>
{
    public static TheoryData<string> Tampering => ["signature", "key", "content type", "policy"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_tampered_upload_form_is_refused_and_nothing_is_stored(string what)
    {
        var user = await factory.CreateUserAsync();
        var victim = await factory.CreateUserAsync();
        var presigned = await user.PresignAsync("image/jpeg", 1000);

        var response = await MediaApi.UploadAsync(presigned, TestImages.Jpeg(200, 100), tamper: (_, fields) =>
        {
            switch (what)
            {
                case "signature": fields["signature"] = "A" + fields["signature"][1..]; break;
                case "key": fields["key"] = MediaKeys.Original(victim.Id, Guid.NewGuid()); break;
                case "content type": fields["Content-Type"] = "image/png"; break;
                case "policy": fields["policy"] = Convert.ToBase64String("{\"expiration\":\"2999-01-01T00:00:00Z\",\"conditions\":[]}"u8); break;
            }
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        foreach (var owner in new[] { user.Id, victim.Id })
        {
            var folder = Path.Combine(factory.StorageRoot, "uploads", owner.ToString());
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "nothing is stored");
        }
    }

    [Fact]
    public async Task An_expired_upload_form_is_refused()
    {
        var storage = factory.Services.GetRequiredService<FileSystemMediaStorage>();
        var key = MediaKeys.Original(Guid.NewGuid(), Guid.NewGuid());
        var form = await storage.CreateUploadFormAsync(
            new UploadPolicy(key, "image/jpeg", 1, 1000, DateTimeOffset.UtcNow.AddSeconds(-1)), CancellationToken.None);
        var presigned = System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            url = new Uri(factory.CreateClient().BaseAddress!, form.Url).ToString(),
            fields = form.Fields,
        });

        var response = await MediaApi.UploadAsync(presigned, TestImages.Jpeg(50, 50));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await storage.GetSizeAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Variant_urls_need_a_valid_unexpired_signature_and_cannot_reach_other_files()
    {
        var user = await factory.CreateUserAsync();
        var media = await user.UploadImageAsync(TestImages.Jpeg(700, 500), "image/jpeg");
        var url = media.Variants()[0].GetProperty("url").GetString()!;
        using var client = new HttpClient();

        var ok = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("max-age=", ok.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(ok.Headers.CacheControl.Private);
        Assert.NotNull(ok.Headers.ETag);

        var tampered = url.Replace("signature=", "signature=x", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(tampered)).StatusCode);
        var otherWidth = url.Replace("/700.", "/320.", StringComparison.Ordinal);
        Assert.NotEqual(url, otherWidth);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(otherWidth)).StatusCode);

        var baseUrl = factory.CreateClient().BaseAddress!;
        foreach (var path in new[]
        {
            $"/media/files/variants/{media.MediaId()}/..%2F..%2F.signing-key",
            $"/media/files/variants/{media.MediaId()}/%2E%2E",
            $"/media/files/uploads/{user.Id}/{media.MediaId()}",
            "/media/files/.signing-key",
        })
        {
            var response = await client.GetAsync(new Uri(baseUrl, path + "?expires=9999999999&signature=x"));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }
    }
}
