namespace Gamgyul.AppHost.Infrastructure;

/// <summary>
/// Containers mode: Postgres, Redis, Apache Pulsar standalone (the bus), Milvus standalone (the vector index)
/// and MinIO (S3 object storage), each with a named volume so data outlives the containers.
/// </summary>
public static class ContainerInfrastructure
{
    public const string PulsarResourceName = "pulsar";
    public const string MilvusResourceName = "milvus";
    public const string MinIOResourceName = "minio";
    public const string StorageUserParameter = "storage-user";
    public const string StoragePasswordParameter = "storage-password";
    public const string MediaBucket = "gamgyul-media";

    public static GamgyulInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var database = postgres.AddDatabase(ServiceSettings.DatabaseConnectionName, ServiceSettings.DatabaseName);

        var cache = builder.AddRedis(ServiceSettings.CacheConnectionName)
            .WithDataVolume()
            .WithPersistence(TimeSpan.FromSeconds(30));

        var pulsar = builder.AddPulsar();
        var milvus = builder.AddMilvus();
        var (minio, storageUser, storagePassword) = builder.AddMinIO();

        var broker = pulsar.GetEndpoint("broker");
        var pulsarHttp = pulsar.GetEndpoint("http");
        var milvusApi = milvus.GetEndpoint("http");
        var s3 = minio.GetEndpoint("api");

        return new GamgyulInfrastructure(
            InfrastructureMode.Containers,
            database,
            cache,
            DatabaseReady: database,
            ServiceDependencies: [cache, pulsar, milvus, minio],
            Settings:
            [
                new(ServiceSettings.BusProvider, InfrastructureExtensions.Literal("pulsar")),
                new(ServiceSettings.PulsarServiceUrl, ReferenceExpression.Create($"pulsar://{broker.Property(EndpointProperty.HostAndPort)}")),
                new(ServiceSettings.PulsarAdminUrl, ReferenceExpression.Create($"{pulsarHttp}")),
                new(ServiceSettings.PulsarWebSocketUrl, ReferenceExpression.Create($"ws://{pulsarHttp.Property(EndpointProperty.HostAndPort)}")),
                new(ServiceSettings.VectorIndexProvider, InfrastructureExtensions.Literal("milvus")),
                new(ServiceSettings.MilvusEndpoint, ReferenceExpression.Create($"{milvusApi}")),
                new(ServiceSettings.StorageProvider, InfrastructureExtensions.Literal("s3")),
                new(ServiceSettings.S3ServiceUrl, ReferenceExpression.Create($"{s3}")),
                new(ServiceSettings.S3Bucket, InfrastructureExtensions.Literal(MediaBucket)),
                new(ServiceSettings.S3Region, InfrastructureExtensions.Literal("us-east-1")),
                new(ServiceSettings.S3ForcePathStyle, InfrastructureExtensions.Literal("true")),
                new(ServiceSettings.S3AccessKey, ReferenceExpression.Create($"{storageUser.Resource}")),
                new(ServiceSettings.S3SecretKey, ReferenceExpression.Create($"{storagePassword.Resource}")),
                // A fresh MinIO volume has no buckets; the Api creates its own at start-up (idempotent).
                new(ServiceSettings.S3CreateBucket, InfrastructureExtensions.Literal("true")),
            ]);
    }

    private static IResourceBuilder<ContainerResource> AddPulsar(this IDistributedApplicationBuilder builder)
    {
        var pulsar = builder.AddContainer(PulsarResourceName, ContainerImages.Pulsar, ContainerImages.PulsarTag)
            .WithArgs("bin/pulsar", "standalone")
            .WithEndpoint(targetPort: 6650, name: "broker", scheme: "pulsar")
            // 8080 serves the admin REST API and the WebSocket API that the services' client speaks.
            .WithHttpEndpoint(targetPort: 8080, name: "http")
            .WithHttpHealthCheck("/admin/v2/brokers/health", endpointName: "http");
        return pulsar.WithVolume(VolumeNameGenerator.Generate(pulsar, "data"), "/pulsar/data");
    }

    private static IResourceBuilder<ContainerResource> AddMilvus(this IDistributedApplicationBuilder builder)
    {
        // Standalone with embedded etcd and local storage: no separate etcd or MinIO just for Milvus.
        var etcdConfig = Path.Combine(builder.AppHostDirectory, "containers", "milvus", "embedEtcd.yaml");
        var milvus = builder.AddContainer(MilvusResourceName, ContainerImages.Milvus, ContainerImages.MilvusTag)
            .WithArgs("milvus", "run", "standalone")
            .WithEnvironment("ETCD_USE_EMBED", "true")
            .WithEnvironment("ETCD_DATA_DIR", "/var/lib/milvus/etcd")
            .WithEnvironment("ETCD_CONFIG_PATH", "/milvus/configs/embedEtcd.yaml")
            .WithEnvironment("COMMON_STORAGETYPE", "local")
            .WithBindMount(etcdConfig, "/milvus/configs/embedEtcd.yaml", isReadOnly: true)
            .WithContainerRuntimeArgs("--security-opt", "seccomp:unconfined")
            // 19530 answers both gRPC and the RESTful API v2 (/v2/vectordb/...); 9091 has /healthz.
            .WithHttpEndpoint(targetPort: 19530, name: "http")
            .WithHttpEndpoint(targetPort: 9091, name: "health")
            .WithHttpHealthCheck("/healthz", endpointName: "health");
        return milvus.WithVolume(VolumeNameGenerator.Generate(milvus, "data"), "/var/lib/milvus");
    }

    private static (IResourceBuilder<ContainerResource> MinIO, IResourceBuilder<ParameterResource> User, IResourceBuilder<ParameterResource> Password)
        AddMinIO(this IDistributedApplicationBuilder builder)
    {
        // A readable default user that Parameters:storage-user still overrides; the password is generated once.
        var user = builder.AddParameter(StorageUserParameter,
            builder.Configuration[$"Parameters:{StorageUserParameter}"] ?? "gamgyul", publishValueAsDefault: false, secret: true);
        var password = builder.AddParameter(StoragePasswordParameter,
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);

        var minio = builder.AddContainer(MinIOResourceName, ContainerImages.MinIO, ContainerImages.MinIOTag)
            .WithArgs("server", "/data", "--console-address", ":9001")
            .WithEnvironment("MINIO_ROOT_USER", user)
            .WithEnvironment("MINIO_ROOT_PASSWORD", password)
            .WithHttpEndpoint(targetPort: 9000, name: "api")
            .WithHttpEndpoint(targetPort: 9001, name: "console")
            .WithHttpHealthCheck("/minio/health/live", endpointName: "api");
        minio.WithVolume(VolumeNameGenerator.Generate(minio, "data"), "/data");
        return (minio, user, password);
    }
}
