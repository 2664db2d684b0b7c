namespace Gamgyul.AppHost.Infrastructure;

/// <summary>Where the backing services (database, cache, bus, vector index, object storage) come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Container images run by Docker or Podman: Postgres, Redis, Pulsar, Milvus, MinIO.</summary>
    Containers,

    /// <summary>The machine's own postgres and redis-server; the bus, vector index and storage fall back to them and the file system.</summary>
    Local,
}
