namespace Gamgyul.AppHost.Infrastructure;

/// <summary>The configuration keys (as environment variables) through which services pick their adapters.</summary>
public static class ServiceSettings
{
    public const string DatabaseConnectionName = "db";
    public const string CacheConnectionName = "cache";
    public const string DatabaseName = "gamgyul";

    public const string BusProvider = "Bus__Provider";
    public const string VectorIndexProvider = "VectorIndex__Provider";
    public const string StorageProvider = "Storage__Provider";

    public const string PulsarServiceUrl = "Pulsar__ServiceUrl";
    public const string PulsarAdminUrl = "Pulsar__AdminUrl";
    public const string PulsarWebSocketUrl = "Pulsar__WebSocketUrl";
    public const string MilvusEndpoint = "Milvus__Endpoint";
    public const string S3ServiceUrl = "Storage__S3__ServiceUrl";
    public const string S3Bucket = "Storage__S3__Bucket";
    public const string S3Region = "Storage__S3__Region";
    public const string S3ForcePathStyle = "Storage__S3__ForcePathStyle";
    public const string S3AccessKey = "Storage__S3__AccessKey";
    public const string S3SecretKey = "Storage__S3__SecretKey";
    public const string S3CreateBucket = "Storage__S3__CreateBucket";
    public const string FileSystemRoot = "Storage__FileSystem__Root";
}
