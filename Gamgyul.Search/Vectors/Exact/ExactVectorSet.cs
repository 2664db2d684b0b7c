using System.Numerics.Tensors;
using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors.Exact;

/// <summary>
/// The vectors of one kind in one contiguous array (slot i at [i × d, (i+1) × d)), so a query is a linear,
/// cache-friendly sweep of SIMD dot products. Vectors are stored L2-normalised, which makes the dot product
/// the cosine similarity. Freed slots are reused. Not thread-safe: <see cref="ExactVectorStore"/> locks.
/// </summary>
internal sealed class ExactVectorSet(int dimensions)
{
    private readonly Dictionary<Guid, int> _slots = [];
    private readonly Stack<int> _free = [];
    private float[] _vectors = [];
    private ExactEntry[] _entries = [];
    private int _used;

    public int Count => _slots.Count;

    public bool TryGetVersion(Guid id, out DateTimeOffset version)
    {
        if (_slots.TryGetValue(id, out var slot))
        {
            version = _entries[slot].Version;
            return true;
        }

        version = default;
        return false;
    }

    /// <summary>Stores <paramref name="vector"/> (normalised here) under <paramref name="entry"/>.Id.</summary>
    public void Upsert(ReadOnlySpan<float> vector, ExactEntry entry)
    {
        if (!_slots.TryGetValue(entry.Id, out var slot))
        {
            slot = _free.Count > 0 ? _free.Pop() : NewSlot();
            _slots[entry.Id] = slot;
        }

        entry.Live = true;
        _entries[slot] = entry;
        VectorMath.Normalize(vector, _vectors.AsSpan(slot * dimensions, dimensions));
    }

    public bool Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return false;
        }

        _entries[slot] = default;
        _free.Push(slot);
        return true;
    }

    public float[]? GetVector(Guid id) =>
        _slots.TryGetValue(id, out var slot) ? _vectors.AsSpan(slot * dimensions, dimensions).ToArray() : null;

    /// <summary>The exact top-k of <paramref name="query"/> (already normalised) among the live entries that pass the filter.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, SearchDocumentKind kind, int top, ExactFilter filter)
    {
        var best = new TopK(top);
        var vectors = _vectors.AsSpan();
        var entries = _entries.AsSpan(0, _used);
        for (var slot = 0; slot < entries.Length; slot++)
        {
            ref readonly var entry = ref entries[slot];
            if (!entry.Live || !filter.Allows(entry))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(vectors.Slice(slot * dimensions, dimensions), query);
            if (score >= best.Threshold)
            {
                best.Offer(score, entry.Id, slot);
            }
        }

        var sorted = best.ToSortedArray();
        var hits = new VectorHit[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            ref readonly var entry = ref _entries[sorted[i].Slot];
            hits[i] = new VectorHit(new VectorKey(kind, entry.Id), sorted[i].Score, entry.AuthorId, entry.CreatedAt);
        }

        return hits;
    }

    private int NewSlot()
    {
        if (_used == _entries.Length)
        {
            var capacity = Math.Max(64, _entries.Length * 2);
            Array.Resize(ref _entries, capacity);
            Array.Resize(ref _vectors, capacity * dimensions);
        }

        return _used++;
    }
}
