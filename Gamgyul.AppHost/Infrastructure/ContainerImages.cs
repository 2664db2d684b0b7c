namespace Gamgyul.AppHost.Infrastructure;

/// <summary>Images of containers mode that have no Aspire hosting package; pinned so a run is repeatable.</summary>
public static class ContainerImages
{
    public const string Pulsar = "apachepulsar/pulsar";
    public const string PulsarTag = "4.0.4";
    public const string Milvus = "milvusdb/milvus";
    public const string MilvusTag = "v2.5.4";
    public const string MinIO = "minio/minio";
    public const string MinIOTag = "RELEASE.2025-04-22T22-12-26Z";
}
