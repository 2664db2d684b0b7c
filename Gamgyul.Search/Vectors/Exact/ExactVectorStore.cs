using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors.Exact;

/// <summary>
/// The in-memory vectors of every kind, with exact cosine top-k. Many searches run at once; writes take
/// the lock alone. Every change carries a version (the database's <c>indexed_at</c>), and a change older
/// than what the store already knows about the key is ignored, so changes may arrive twice or out of order.
/// </summary>
internal sealed class ExactVectorStore(int dimensions) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<SearchDocumentKind, ExactVectorSet> _sets = [];

    /// <summary>When a key was removed, so that an older upsert read later cannot bring it back.</summary>
    private readonly Dictionary<VectorKey, DateTimeOffset> _removed = [];

    public int Dimensions => dimensions;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _sets.Values.Sum(s => s.Count);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Applies an upsert unless the store already has a newer state of the key; returns whether it applied.</summary>
    public bool Upsert(VectorKey key, ReadOnlySpan<float> vector, ExactEntry entry)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; the index has {dimensions}.", nameof(vector));
        }

        entry.Id = key.Id;
        _lock.EnterWriteLock();
        try
        {
            var set = SetOf(key.Kind);
            if ((set.TryGetVersion(key.Id, out var current) && current > entry.Version)
                || (_removed.TryGetValue(key, out var removedAt) && removedAt > entry.Version))
            {
                return false;
            }

            _removed.Remove(key);
            set.Upsert(vector, entry);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Applies a removal unless the store has a newer state of the key; returns whether it applied.</summary>
    public bool Remove(VectorKey key, DateTimeOffset version)
    {
        _lock.EnterWriteLock();
        try
        {
            var set = SetOf(key.Kind);
            if (set.TryGetVersion(key.Id, out var current) && current > version)
            {
                return false;
            }

            set.Remove(key.Id);
            if (!_removed.TryGetValue(key, out var removedAt) || removedAt < version)
            {
                _removed[key] = version;
            }

            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Forgets removal marks older than <paramref name="before"/>: no older change can still arrive.</summary>
    public void ForgetRemovalsBefore(DateTimeOffset before)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (key, at) in _removed)
            {
                if (at < before)
                {
                    _removed.Remove(key);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public IReadOnlyList<VectorHit> Search(VectorSearchRequest request)
    {
        if (request.Vector.Length != dimensions)
        {
            throw new ArgumentException($"The query has {request.Vector.Length} dimensions; the index has {dimensions}.", nameof(request));
        }

        var top = Math.Clamp(request.Top, 0, VectorSearchRequest.MaxTop);
        var query = VectorMath.Normalized(request.Vector.Span);
        var filter = new ExactFilter(request);
        _lock.EnterReadLock();
        try
        {
            return _sets.TryGetValue(request.Kind, out var set) ? set.Search(query, request.Kind, top, filter) : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public float[]? GetVector(VectorKey key)
    {
        _lock.EnterReadLock();
        try
        {
            return _sets.TryGetValue(key.Kind, out var set) ? set.GetVector(key.Id) : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private ExactVectorSet SetOf(SearchDocumentKind kind)
    {
        if (!_sets.TryGetValue(kind, out var set))
        {
            set = new ExactVectorSet(dimensions);
            _sets[kind] = set;
        }

        return set;
    }
}
