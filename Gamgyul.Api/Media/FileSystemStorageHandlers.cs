using System.Globalization;
using System.Text;
using Gamgyul.Media.Storage;
using Gamgyul.Media.Storage.FileSystem;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gamgyul.Api.Media;

/// <summary>
/// The Api as the storage server of the file-system adapter: it enforces the signed upload policy the way
/// S3 does (signature, expiry, exact key and content type, length range) and serves variants by signed URL.
/// </summary>
internal static class FileSystemStorageHandlers
{
    private const int MaxFields = 16;
    private const int MaxFieldLength = 8 * 1024;

    public static async Task<IResult> UploadAsync(HttpContext context, FileSystemMediaStorage storage, TimeProvider clock,
        IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        // The global body limit is sized for JSON; this endpoint alone receives whole images (the policy's
        // own, possibly smaller, limit is enforced while the file is copied).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadBytes + 64 * 1024;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Refused(StatusCodes.Status400BadRequest, "Post the upload form as multipart/form-data.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is null)
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition() || name == "file")
            {
                // As with S3, the file is the last part; every condition is checked before its bytes are read.
                return await ReceiveAsync(context, section.Body, fields, storage, clock, cancellationToken);
            }

            if (fields.Count >= MaxFields)
            {
                return Refused(StatusCodes.Status400BadRequest, "The upload form has too many fields.");
            }

            fields[name] = await ReadFieldAsync(section.Body, cancellationToken) ?? string.Empty;
        }

        return Refused(StatusCodes.Status400BadRequest, "The upload form has no file part (it must be the last part, named 'file').");
    }

    public static IResult Serve(Guid mediaId, string name, long? expires, string? signature, HttpContext context,
        FileSystemMediaStorage storage, TimeProvider clock)
    {
        if (!MediaKeys.IsVariantName(name) || expires is null)
        {
            return Refused(StatusCodes.Status404NotFound, "Not found.");
        }

        var file = storage.OpenSigned($"variants/{mediaId:D}/{name}", expires.Value, signature);
        if (file is null)
        {
            return Refused(StatusCodes.Status403Forbidden, "The link is invalid or has expired.");
        }

        var remaining = Math.Max(0, expires.Value - clock.GetUtcNow().ToUnixTimeSeconds());
        context.Response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={remaining}, immutable");
        var type = name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";
        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");
        return TypedResults.PhysicalFile(file.FullName, type, lastModified: file.LastWriteTimeUtc, entityTag: etag);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, Stream file, Dictionary<string, string> fields,
        FileSystemMediaStorage storage, TimeProvider clock, CancellationToken cancellationToken)
    {
        var policy = storage.Signer.Verify(fields.GetValueOrDefault(UploadSigner.PolicyField), fields.GetValueOrDefault(UploadSigner.SignatureField));
        if (policy is null)
        {
            return Refused(StatusCodes.Status403Forbidden, "The upload form's signature does not match its policy.");
        }

        if (policy.ExpiresAt < clock.GetUtcNow())
        {
            return Refused(StatusCodes.Status403Forbidden, "The upload form has expired; ask for a new one.");
        }

        if (fields.GetValueOrDefault(UploadSigner.KeyField) != policy.Key || !MediaKeys.IsValid(policy.Key))
        {
            return Refused(StatusCodes.Status403Forbidden, "The key is not the one the upload form was signed for.");
        }

        if (fields.GetValueOrDefault(UploadSigner.ContentTypeField) != policy.ContentType)
        {
            return Refused(StatusCodes.Status403Forbidden, $"The upload form only allows Content-Type {policy.ContentType}.");
        }

        var stored = await storage.ReceiveAsync(policy.Key, file, policy.MaxBytes, cancellationToken);
        if (stored < 0)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, $"The file is larger than the {policy.MaxBytes} bytes the upload form allows.");
        }

        if (stored < policy.MinBytes)
        {
            await storage.DeleteAsync(policy.Key, cancellationToken);
            return Refused(StatusCodes.Status400BadRequest, $"The file is smaller than the {policy.MinBytes} bytes the upload form requires.");
        }

        return TypedResults.NoContent();
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxFieldLength + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return read > MaxFieldLength ? null : new string(buffer, 0, read);
    }

    private static IResult Refused(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status404NotFound ? "Not found" : "Upload refused", detail: detail);
}
