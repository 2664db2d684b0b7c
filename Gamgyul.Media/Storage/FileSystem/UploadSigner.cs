using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gamgyul.Media.Storage.FileSystem;

/// <summary>
/// HMAC-SHA256 signatures for the file-system adapter, shaped like S3's browser POST: a base64 JSON policy
/// (expiration plus conditions on key, content type and length) and its signature; and signed read URLs.
/// Upload and read signatures use different prefixes, so one can never stand in for the other.
/// </summary>
public sealed class UploadSigner(byte[] key)
{
    public const string PolicyField = "policy";
    public const string SignatureField = "signature";
    public const string KeyField = "key";
    public const string ContentTypeField = "Content-Type";

    /// <summary>The base64 policy document and its signature.</summary>
    public (string Policy, string Signature) Sign(UploadPolicy policy)
    {
        var document = new JsonObject
        {
            ["expiration"] = policy.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["conditions"] = new JsonArray(
                new JsonObject { [KeyField] = policy.Key },
                new JsonObject { [ContentTypeField] = policy.ContentType },
                new JsonArray("content-length-range", policy.MinBytes, policy.MaxBytes)),
        };
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(document.ToJsonString()));
        return (encoded, Mac("upload\n" + encoded));
    }

    /// <summary>The policy, if <paramref name="signature"/> is ours and the document is well formed (expiry is the caller's check).</summary>
    public UploadPolicy? Verify(string? policy, string? signature)
    {
        if (string.IsNullOrEmpty(policy) || string.IsNullOrEmpty(signature) || !Matches(Mac("upload\n" + policy), signature))
        {
            return null;
        }

        try
        {
            var document = JsonNode.Parse(Convert.FromBase64String(policy))!.AsObject();
            var conditions = document["conditions"]!.AsArray();
            var range = conditions.OfType<JsonArray>().Single(c => (string?)c[0] == "content-length-range");
            return new UploadPolicy(
                (string)conditions.OfType<JsonObject>().Single(c => c.ContainsKey(KeyField))[KeyField]!,
                (string)conditions.OfType<JsonObject>().Single(c => c.ContainsKey(ContentTypeField))[ContentTypeField]!,
                (long)range[1]!,
                (long)range[2]!,
                DateTimeOffset.Parse((string)document["expiration"]!, CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or NullReferenceException)
        {
            // Signed by us yet unreadable: only possible if the format changed between versions.
            return null;
        }
    }

    public string SignRead(string key, long expiresUnixSeconds) =>
        Mac($"read\n{key}\n{expiresUnixSeconds.ToString(CultureInfo.InvariantCulture)}");

    public bool VerifyRead(string key, long expiresUnixSeconds, string? signature) =>
        !string.IsNullOrEmpty(signature) && Matches(SignRead(key, expiresUnixSeconds), signature);

    private string Mac(string data) => Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data)));

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
