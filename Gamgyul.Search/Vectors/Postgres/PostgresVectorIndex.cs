using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors.Exact;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gamgyul.Search.Vectors.Postgres;

/// <summary>
/// Local mode's vector index: vectors live in the <c>search_documents</c> table (so they survive restarts
/// and every process shares them) and are searched exactly, in process, over a memory copy.
/// The copy is loaded on the first search, updated at once by this process's writes, and catches up on
/// other processes' writes through the <c>indexed_at</c> watermark (stamped by the database clock). Removals
/// are tombstones for a while, so they travel through the same watermark. Exact search makes it the recall
/// reference for approximate indexes.
/// </summary>
public sealed partial class PostgresVectorIndex : IVectorIndex, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresVectorIndexOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile ExactVectorStore? _store;
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRefreshDatabaseTime = DateTimeOffset.MinValue;
    private long _lastRefreshTimestamp;

    public PostgresVectorIndex(
        NpgsqlDataSource dataSource,
        int dimensions,
        PostgresVectorIndexOptions options,
        TimeProvider timeProvider,
        ILogger<PostgresVectorIndex> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _dataSource = dataSource;
        Dimensions = dimensions;
        _options = options;
        _time = timeProvider;
        _logger = logger;
    }

    public string Name => "postgres";

    public int Dimensions { get; }

    /// <summary>How many vectors the memory copy holds (0 before the first search).</summary>
    public int CachedCount => _store?.Count ?? 0;

    /// <summary>Rows the last load or catch-up read (tests: an idle catch-up reads nothing).</summary>
    internal int LastRefreshRows { get; private set; }

    /// <summary>The table comes from the migrations; this only checks that it is there and readable.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM search_documents WHERE false");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task UpsertAsync(IReadOnlyCollection<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var normalized = new List<(VectorRecord Record, float[] Vector)>(records.Count);
        foreach (var record in records)
        {
            VectorMath.RequireDimensions(record.Vector, Dimensions, "vector");
            normalized.Add((record, VectorMath.Normalized(record.Vector.Span)));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (record, vector) in normalized)
        {
            batch.BatchCommands.Add(PostgresVectorSql.Upsert(record, vector));
        }

        // One round trip; each command returns the indexed_at the database stamped on its row.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var (record, vector) in normalized)
        {
            await reader.ReadAsync(cancellationToken);
            var version = reader.GetFieldValue<DateTimeOffset>(0);
            _store?.Upsert(record.Key, vector, ToEntry(record.Metadata, version));
            await reader.NextResultAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var kinds = keys.GroupBy(k => k.Kind).ToList();
        foreach (var group in kinds)
        {
            batch.BatchCommands.Add(PostgresVectorSql.Tombstone(group.Key, group.Select(k => k.Id).Distinct().ToArray()));
        }

        // Tombstones older than the retention have been seen by every live cache; purging them here keeps
        // the table small without a separate job.
        batch.BatchCommands.Add(PostgresVectorSql.PurgeTombstones(_options.TombstoneRetention));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var group in kinds)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _store?.Remove(new VectorKey(group.Key, reader.GetGuid(0)), reader.GetFieldValue<DateTimeOffset>(1));
            }

            await reader.NextResultAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        VectorMath.RequireDimensions(request.Vector, Dimensions, "query");
        var store = await GetFreshStoreAsync(cancellationToken);
        return store.Search(request);
    }

    public async Task<IReadOnlyDictionary<VectorKey, ReadOnlyMemory<float>>> GetVectorsAsync(
        IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<VectorKey, ReadOnlyMemory<float>>();
        if (keys.Count == 0)
        {
            return result;
        }

        var store = await GetFreshStoreAsync(cancellationToken);
        foreach (var key in keys)
        {
            if (store.GetVector(key) is { } vector)
            {
                result[key] = vector;
            }
        }

        return result;
    }

    /// <summary>Catches up on other processes' writes now, whatever the interval (tests, admin commands).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            await RefreshLockedAsync(cancellationToken);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose()
    {
        _store?.Dispose();
        _refreshGate.Dispose();
    }

    private async Task<ExactVectorStore> GetFreshStoreAsync(CancellationToken cancellationToken)
    {
        if (_store is { } loaded && _time.GetElapsedTime(_lastRefreshTimestamp) < _options.RefreshInterval)
        {
            return loaded;
        }

        if (_store is { } current)
        {
            // Someone else is catching up already: serve the copy as it is rather than queue behind them.
            if (!await _refreshGate.WaitAsync(0, cancellationToken))
            {
                return current;
            }

            try
            {
                await RefreshLockedAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Slightly stale results beat no results while the database is briefly unreachable.
                LogRefreshFailed(exception);
            }
            finally
            {
                _refreshGate.Release();
            }

            return _store ?? current;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            if (_store is null)
            {
                await RefreshLockedAsync(cancellationToken);
            }
        }
        finally
        {
            _refreshGate.Release();
        }

        return _store!;
    }

    /// <summary>A full load the first time, or when this copy may have missed purged tombstones; otherwise a catch-up.</summary>
    private async Task RefreshLockedAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var full = _store is null
            || _time.GetElapsedTime(_lastRefreshTimestamp) > _options.TombstoneRetention - _options.RefreshOverlap;
        var store = full ? new ExactVectorStore(Dimensions) : _store!;
        // A row this copy has not seen committed after the previous read began, so the database stamped it less than
        // one overlap (the longest write transaction) before that moment, or after the watermark. Re-reading from the
        // later of the two bounds is enough; counting only from the watermark would re-read the last overlap's worth
        // of writes on every refresh for as long as no newer write moved the watermark (after a rebuild: tens of
        // thousands of rows a second, for ever).
        var since = full ? DateTimeOffset.MinValue
            : Max(Before(_watermark, _options.RefreshOverlap), Before(_lastRefreshDatabaseTime, _options.RefreshOverlap));
        var watermark = full ? DateTimeOffset.MinValue : _watermark;
        int rows = 0, skipped = 0;
        var databaseTime = await DatabaseTimeAsync(cancellationToken);

        await using (var command = PostgresVectorSql.ChangedSince(_dataSource, since))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                var row = PostgresVectorSql.ReadRow(reader);
                watermark = row.IndexedAt > watermark ? row.IndexedAt : watermark;
                if (row.IsDeleted)
                {
                    store.Remove(row.Key, row.IndexedAt);
                }
                else if (row.Embedding.Length != Dimensions)
                {
                    // Embedded by another model or size: unusable until the index is rebuilt.
                    skipped++;
                }
                else
                {
                    store.Upsert(row.Key, row.Embedding, row.Entry);
                }
            }
        }

        store.ForgetRemovalsBefore(Before(watermark, 2 * _options.RefreshOverlap));
        _watermark = watermark;
        _lastRefreshDatabaseTime = databaseTime;
        _lastRefreshTimestamp = started;
        LastRefreshRows = rows;
        // A replaced copy is not disposed: searches may still hold it, and it owns nothing but memory.
        _store = store;
        if (full)
        {
            LogLoaded(store.Count, skipped, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        else if (rows > 0)
        {
            LogCaughtUp(rows, skipped);
        }
    }

    /// <summary>The database clock, read before a load or catch-up takes its snapshot.</summary>
    private async Task<DateTimeOffset> DatabaseTimeAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT clock_timestamp()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary><paramref name="time"/> minus <paramref name="span"/>, stopping at the minimum (an empty table has no watermark).</summary>
    private static DateTimeOffset Before(DateTimeOffset time, TimeSpan span) =>
        time - DateTimeOffset.MinValue > span ? time - span : DateTimeOffset.MinValue;

    private static ExactEntry ToEntry(VectorMetadata metadata, DateTimeOffset version) => new()
    {
        AuthorId = metadata.AuthorId,
        CreatedAt = metadata.CreatedAt,
        Status = metadata.Status,
        Version = version,
    };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Loaded {Count} vectors from search_documents in {Milliseconds:F0} ms ({Skipped} of another size skipped)")]
    private partial void LogLoaded(int count, int skipped, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caught up on {Rows} changed search_documents rows ({Skipped} of another size skipped)")]
    private partial void LogCaughtUp(int rows, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up on search_documents failed; serving the previous copy")]
    private partial void LogRefreshFailed(Exception exception);
}
