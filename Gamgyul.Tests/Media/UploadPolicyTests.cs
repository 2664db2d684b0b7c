using System.Text;
using System.Text.Json;
using Gamgyul.Media.Storage;
using Gamgyul.Media.Storage.FileSystem;
using Gamgyul.Media.Storage.S3;

namespace Gamgyul.Tests.Media;

/// <summary>
/// The signed upload policies themselves. s3rver ignores POST policies, so what S3 (or MinIO, R2) would
/// enforce is checked here on the document the SDK generates.
/// </summary>
public class UploadPolicyTests
{
    // Whole seconds (the policy's precision), and within the seven days AWS allows.
    private static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

    [Fact]
    public async Task The_s3_presigned_post_pins_bucket_key_exact_type_length_range_and_expiry_and_sets_no_acl()
    {
        var options = new S3StorageOptions
        {
            ServiceUrl = "http://127.0.0.1:9", Bucket = "media", ForcePathStyle = true, AccessKey = "AKIDEXAMPLE", SecretKey = "secret",
        };
        using var client = S3MediaStorage.CreateClient(options);
        var storage = new S3MediaStorage(client, options, TimeProvider.System);
        var key = MediaKeys.Original(Guid.NewGuid(), Guid.NewGuid());

        var form = await storage.CreateUploadFormAsync(new UploadPolicy(key, "image/webp", 1, 10_485_760, Expires), CancellationToken.None);

        var fields = new Dictionary<string, string>(form.Fields, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(key, fields["key"]);
        Assert.Equal("image/webp", fields["Content-Type"]);
        Assert.Equal("AWS4-HMAC-SHA256", fields["x-amz-algorithm"]);
        Assert.False(string.IsNullOrEmpty(fields["x-amz-signature"]));
        Assert.DoesNotContain(fields.Keys, k => k.Equals("acl", StringComparison.OrdinalIgnoreCase));

        using var policy = JsonDocument.Parse(Convert.FromBase64String(fields["Policy"]));
        Assert.Equal(Expires, DateTimeOffset.Parse(policy.RootElement.GetProperty("expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var conditions = policy.RootElement.GetProperty("conditions").EnumerateArray().Select(c => c.GetRawText()).ToList();
        Assert.Contains(conditions, c => c.Contains("\"bucket\":\"media\"", StringComparison.Ordinal));
        Assert.Contains(conditions, c => c.Contains($"\"key\":\"{key}\"", StringComparison.Ordinal) || c == $"[\"eq\",\"$key\",\"{key}\"]");
        Assert.Contains(conditions, c => c is "{\"Content-Type\":\"image/webp\"}" or "[\"eq\",\"$Content-Type\",\"image/webp\"]");
        Assert.Contains("[\"content-length-range\",1,10485760]", conditions);
        Assert.DoesNotContain(conditions, c => c.Contains("acl", StringComparison.OrdinalIgnoreCase) || c.Contains("starts-with", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_system_policy_verifies_only_with_its_own_signature_and_key()
    {
        var signer = new UploadSigner(Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef"));
        var policy = new UploadPolicy(MediaKeys.Original(Guid.NewGuid(), Guid.NewGuid()), "image/png", 1, 5000, Expires);

        var (document, signature) = signer.Sign(policy);

        Assert.Equal(policy, signer.Verify(document, signature));
        Assert.Null(signer.Verify(document, signature[..^2] + "AA"));
        var other = new UploadSigner(Encoding.UTF8.GetBytes("another-key-another-key-another-key!"));
        Assert.Null(other.Verify(document, signature));
        var widened = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Convert.FromBase64String(document)).Replace("5000", "500000000", StringComparison.Ordinal)));
        Assert.Null(signer.Verify(widened, signature));
        // A read signature never passes as an upload signature, nor the reverse.
        Assert.False(signer.VerifyRead(policy.Key, 123, signer.Sign(policy).Signature));
        Assert.True(signer.VerifyRead(policy.Key, 123, signer.SignRead(policy.Key, 123)));
        Assert.False(signer.VerifyRead(policy.Key, 124, signer.SignRead(policy.Key, 123)));
    }

    [Theory]
    [InlineData("uploads/../../etc/passwd")]
    [InlineData("variants/x/../../.signing-key")]
    [InlineData("/etc/passwd")]
    [InlineData("variants/3f2a1b4c-0000-0000-0000-000000000000/1080.webp/..")]
    [InlineData("variants\\3f2a1b4c-0000-0000-0000-000000000000\\1080.webp")]
    [InlineData("uploads/3f2a1b4c-0000-0000-0000-000000000000/3f2a1b4c-0000-0000-0000-000000000000\n")]
    public async Task The_file_system_adapter_accepts_no_key_but_its_own_shapes(string key)
    {
        Assert.False(MediaKeys.IsValid(key));
        var storage = new FileSystemMediaStorage(Path.Combine(Path.GetTempPath(), $"gamgyul-keys-{Guid.NewGuid():N}"), new string('k', 32), TimeProvider.System);
        await Assert.ThrowsAsync<ArgumentException>(() => storage.GetSizeAsync(key, CancellationToken.None));
        Assert.Null(storage.OpenSigned(key, long.MaxValue, "x"));
    }
}
