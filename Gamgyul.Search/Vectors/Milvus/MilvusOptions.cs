namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>The <c>VectorIndex:Milvus</c> section.</summary>
public sealed class MilvusOptions
{
    /// <summary>The Milvus proxy's HTTP address, e.g. <c>http://localhost:19530</c> (REST v2 shares the gRPC port).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>user:password</c> (e.g. <c>root:Milvus</c>) or an API key, sent as a bearer token; empty when auth is off.</summary>
    public string? Token { get; set; }

    /// <summary>The database (<c>dbName</c>); the server's <c>default</c> when empty.</summary>
    public string? Database { get; set; }

    /// <summary>One collection holds every kind; <c>kind</c> is its partition key.</summary>
    public string Collection { get; set; } = "gamgyul_search";

    /// <summary>HNSW's graph degree.</summary>
    public int HnswM { get; set; } = 16;

    public int HnswEfConstruction { get; set; } = 200;

    /// <summary>HNSW's search breadth; raised to the limit when a search asks for more (Milvus requires ef ≥ limit).</summary>
    public int SearchEf { get; set; } = 64;

    /// <summary>
    /// <c>Bounded</c> (default: an upsert is searchable within about a second) or <c>Strong</c>
    /// (read-your-writes, slower), <c>Session</c>, <c>Eventually</c>.
    /// </summary>
    public string ConsistencyLevel { get; set; } = "Bounded";

    /// <summary>Sent as the <c>Request-Timeout</c> header and used as the HTTP timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="MilvusVectorIndex.EnsureCreatedAsync"/> waits for the collection to load.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows per upsert, delete or get request; keeps each body far below Milvus's request size limit.</summary>
    public int BatchSize { get; set; } = 500;
}
