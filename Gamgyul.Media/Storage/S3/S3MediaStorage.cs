using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Gamgyul.Media.Storage.S3;

/// <summary>
/// AWS S3 and S3-compatible servers (MinIO, Cloudflare R2) through AWSSDK.S3. The bucket stays private:
/// no request sets an ACL; browsers upload with a presigned POST whose policy pins the key, the exact
/// content type and a length range, and read through presigned GET URLs or a configured CDN base URL.
/// </summary>
public sealed class S3MediaStorage(IAmazonS3 client, S3StorageOptions options, TimeProvider clock) : IMediaStorage
{
    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, AuthenticationRegion = options.Region };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.CreateBucket)
        {
            return;
        }

        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Created by an earlier start.
        }
    }

    public async Task<UploadForm> CreateUploadFormAsync(UploadPolicy policy, CancellationToken cancellationToken)
    {
        var request = new CreatePresignedPostRequest
        {
            BucketName = options.Bucket,
            Key = policy.Key,
            Expires = policy.ExpiresAt.UtcDateTime,
            Fields = new Dictionary<string, string> { ["Content-Type"] = policy.ContentType },
            Conditions =
            [
                S3PostCondition.ExactMatch("Content-Type", policy.ContentType),
                S3PostCondition.ContentLengthRange(policy.MinBytes, policy.MaxBytes),
            ],
        };
        var response = await client.CreatePresignedPostAsync(request);
        return new UploadForm(response.Url, response.Fields, policy.ExpiresAt);
    }

    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(options.Bucket, key, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DownloadAsync(string key, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await client.GetObjectAsync(options.Bucket, key, cancellationToken);
        if (response.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"The object is {response.ContentLength} bytes; at most {maxBytes} are read.");
        }

        await response.ResponseStream.CopyToAsync(destination, cancellationToken);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            // A variant's bytes never change under its key, so caches may keep it as long as they like.
            Headers = { CacheControl = "public, max-age=31536000, immutable" },
            // S3-compatible servers without aws-chunked support would otherwise store the chunk framing.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await client.DeleteObjectAsync(options.Bucket, key, cancellationToken);

    public async Task<string> GetReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return $"{options.PublicBaseUrl.TrimEnd('/')}/{key}";
        }

        return await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = clock.GetUtcNow().Add(lifetime).UtcDateTime,
            Protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        });
    }
}
