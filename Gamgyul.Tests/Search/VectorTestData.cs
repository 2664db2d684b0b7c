using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;

namespace Gamgyul.Tests.Search;

/// <summary>Random but reproducible vectors and records, and the naive top-k that every index must match.</summary>
internal static class VectorTestData
{
    public static float[] RandomVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return vector;
    }

    public static List<VectorRecord> RandomRecords(
        Random random, int count, int dimensions, SearchDocumentKind kind = SearchDocumentKind.Post, Guid[]? authors = null)
    {
        var records = new List<VectorRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var id = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16));
            records.Add(new VectorRecord(
                new VectorKey(kind, id),
                RandomVector(random, dimensions),
                new VectorMetadata
                {
                    Model = "test",
                    AuthorId = authors is { Length: > 0 } ? authors[i % authors.Length] : null,
                    CreatedAt = DateTimeOffset.UnixEpoch.AddDays(i),
                    Status = i % 10 == 9 ? ContentStatus.Hidden : ContentStatus.Published,
                    SourceUpdatedAt = DateTimeOffset.UnixEpoch.AddDays(i),
                }));
        }

        return records;
    }

    /// <summary>
    /// The true top-k by brute force in double precision, with the filters applied record by record:
    /// the definition the indexes are checked against. Ties go to the smaller id, as in the indexes.
    /// </summary>
    public static List<Guid> NaiveTopK(IEnumerable<VectorRecord> records, VectorSearchRequest request)
    {
        var query = request.Vector.ToArray();
        return records
            .Where(r => r.Key.Kind == request.Kind)
            .Where(r => request.IncludeHidden || r.Metadata.Status == ContentStatus.Published)
            .Where(r => !request.ExcludeIds.Contains(r.Key.Id))
            .Where(r => r.Metadata.AuthorId is not { } author || !request.ExcludeAuthorIds.Contains(author))
            .Select(r => (r.Key.Id, Score: Cosine(query, r.Vector.Span)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Id)
            .Take(request.Top)
            .Select(x => x.Id)
            .ToList();
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>The share of the true top-k that the index found (recall@k).</summary>
    public static double Recall(IReadOnlyList<Guid> truth, IEnumerable<Guid> found)
    {
        var set = found.ToHashSet();
        return truth.Count == 0 ? 1 : truth.Count(set.Contains) / (double)truth.Count;
    }
}
