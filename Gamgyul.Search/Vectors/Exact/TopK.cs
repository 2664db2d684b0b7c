namespace Gamgyul.Search.Vectors.Exact;

/// <summary>
/// Keeps the best k (score, id) pairs seen so far in a min-heap: O(n log k) for n candidates with no
/// allocation per candidate. Equal scores are ordered by id, so results are deterministic.
/// </summary>
internal sealed class TopK
{
    private readonly float[] _scores;
    private readonly Guid[] _ids;
    private readonly int[] _slots;
    private int _count;

    public TopK(int k)
    {
        _scores = new float[k];
        _ids = new Guid[k];
        _slots = new int[k];
    }

    public int Count => _count;

    /// <summary>The score a candidate must beat once the heap is full (a cheap early reject).</summary>
    public float Threshold => _count == _scores.Length ? _scores[0] : float.NegativeInfinity;

    public void Offer(float score, Guid id, int slot)
    {
        if (_scores.Length == 0)
        {
            return;
        }

        if (_count < _scores.Length)
        {
            var i = _count++;
            _scores[i] = score;
            _ids[i] = id;
            _slots[i] = slot;
            SiftUp(i);
        }
        else if (IsBetter(score, id, _scores[0], _ids[0]))
        {
            _scores[0] = score;
            _ids[0] = id;
            _slots[0] = slot;
            SiftDown(0);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public (float Score, Guid Id, int Slot)[] ToSortedArray()
    {
        var result = new (float Score, Guid Id, int Slot)[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = (_scores[i], _ids[i], _slots[i]);
        }

        Array.Sort(result, static (a, b) => IsBetter(a.Score, a.Id, b.Score, b.Id) ? -1 : IsBetter(b.Score, b.Id, a.Score, a.Id) ? 1 : 0);
        return result;
    }

    /// <summary>Higher score first; on a tie the smaller id.</summary>
    public static bool IsBetter(float score, Guid id, float otherScore, Guid otherId) =>
        score > otherScore || (score == otherScore && id.CompareTo(otherId) < 0);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsBetter(_scores[parent], _ids[parent], _scores[i], _ids[i]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && IsBetter(_scores[worst], _ids[worst], _scores[left], _ids[left]))
            {
                worst = left;
            }

            if (right < _count && IsBetter(_scores[worst], _ids[worst], _scores[right], _ids[right]))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
        (_slots[a], _slots[b]) = (_slots[b], _slots[a]);
    }
}
