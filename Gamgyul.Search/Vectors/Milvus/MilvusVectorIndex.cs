using System.Text.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors.Exact;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// The vector index on Milvus (containers mode): one collection for every kind, HNSW with COSINE, searched
/// with filters on kind, status, ids and authors. Unlike the original backend it loads the collection,
/// spells the index parameters the way the API reads them, and removes what is deleted.
/// </summary>
public sealed partial class MilvusVectorIndex(
    MilvusRestClient client,
    MilvusOptions options,
    int dimensions,
    TimeProvider timeProvider,
    ILogger<MilvusVectorIndex> logger) : IVectorIndex
{
    private const string Loaded = "LoadStateLoaded";

    public string Name => "milvus";

    public int Dimensions => dimensions;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var collection = options.Collection;
        if (!await client.HasCollectionAsync(collection, cancellationToken))
        {
            try
            {
                await client.CreateCollectionAsync(
                    collection, MilvusSearchSchema.Schema(dimensions), [MilvusSearchSchema.VectorIndex(options)], cancellationToken);
                LogCreated(collection, dimensions);
            }
            catch (MilvusException)
            {
                // Another replica may have created it between our check and our create: that is what we wanted.
                if (!await client.HasCollectionAsync(collection, cancellationToken))
                {
                    throw;
                }
            }
        }

        var description = await client.DescribeCollectionAsync(collection, cancellationToken);
        var vector = description.Fields.FirstOrDefault(f => f.Name == MilvusSearchSchema.VectorField);
        if (vector?.Dimension is { } existing && existing != dimensions)
        {
            throw new InvalidOperationException(
                $"Milvus collection '{collection}' holds {existing}-dimensional vectors but the embedder makes {dimensions}; " +
                "rebuild the index into a new collection (VectorIndex:Milvus:Collection).");
        }

        if (await client.GetLoadStateAsync(collection, cancellationToken) == Loaded)
        {
            return;
        }

        await client.LoadCollectionAsync(collection, cancellationToken);
        var deadline = timeProvider.GetTimestamp() + (long)(options.LoadTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        while (await client.GetLoadStateAsync(collection, cancellationToken) != Loaded)
        {
            if (timeProvider.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Milvus collection '{collection}' did not load within {options.LoadTimeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken);
        }
    }

    public async Task UpsertAsync(IReadOnlyCollection<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            VectorMath.RequireDimensions(record.Vector, dimensions, "vector");
        }

        foreach (var chunk in records.Chunk(options.BatchSize))
        {
            var rows = Array.ConvertAll(chunk, ToRow);
            await client.UpsertAsync(options.Collection, rows, cancellationToken);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var chunk in keys.Distinct().Chunk(options.BatchSize))
        {
            await client.DeleteAsync(options.Collection, MilvusSearchSchema.ByPrimaryKeys(chunk), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        VectorMath.RequireDimensions(request.Vector, dimensions, "query");
        var top = Math.Clamp(request.Top, 0, VectorSearchRequest.MaxTop);
        if (top == 0)
        {
            return [];
        }

        var hits = await client.SearchAsync(new MilvusSearchRequest
        {
            CollectionName = options.Collection,
            Vector = request.Vector.ToArray(),
            Limit = top,
            Filter = MilvusSearchSchema.SearchFilter(request),
            OutputFields = MilvusSearchSchema.HitFields,
            Ef = Math.Max(options.SearchEf, top),
            ConsistencyLevel = options.ConsistencyLevel,
        }, cancellationToken);

        return [.. hits.Select(hit => ToHit(hit, request.Kind))];
    }

    public async Task<IReadOnlyDictionary<VectorKey, ReadOnlyMemory<float>>> GetVectorsAsync(
        IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<VectorKey, ReadOnlyMemory<float>>();
        foreach (var chunk in keys.Distinct().Chunk(options.BatchSize))
        {
            var ids = Array.ConvertAll(chunk, MilvusSearchSchema.PrimaryKey);
            var entities = await client.GetAsync(options.Collection, ids, ["kind", "document_id", MilvusSearchSchema.VectorField], cancellationToken);
            foreach (var entity in entities)
            {
                var key = new VectorKey(
                    Enum.Parse<SearchDocumentKind>(entity.GetProperty("kind").GetString()!),
                    Guid.Parse(entity.GetProperty("document_id").GetString()!));
                var vector = entity.GetProperty(MilvusSearchSchema.VectorField).Deserialize<float[]>() ?? [];
                // Milvus keeps vectors as given; the contract promises unit vectors.
                result[key] = VectorMath.Normalized(vector);
            }
        }

        return result;
    }

    private static MilvusDocumentRow ToRow(VectorRecord record) => new(
        MilvusSearchSchema.PrimaryKey(record.Key),
        record.Key.Kind.ToString(),
        record.Key.Id.ToString(),
        record.Metadata.AuthorId?.ToString() ?? string.Empty,
        record.Metadata.CreatedAt.ToUnixTimeMilliseconds(),
        record.Metadata.Status.ToString(),
        record.Metadata.Model,
        record.Vector.ToArray());

    private static VectorHit ToHit(JsonElement hit, SearchDocumentKind kind)
    {
        var author = hit.TryGetProperty("author_id", out var a) ? a.GetString() : null;
        var createdAt = hit.TryGetProperty("created_at", out var c) ? c.GetInt64() : 0;
        return new VectorHit(
            new VectorKey(kind, Guid.Parse(hit.GetProperty("document_id").GetString()!)),
            hit.GetProperty("distance").GetSingle(),
            string.IsNullOrEmpty(author) ? null : Guid.Parse(author),
            DateTimeOffset.FromUnixTimeMilliseconds(createdAt));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Milvus collection {Collection} ({Dimensions} dimensions, HNSW/COSINE)")]
    private partial void LogCreated(string collection, int dimensions);
}
