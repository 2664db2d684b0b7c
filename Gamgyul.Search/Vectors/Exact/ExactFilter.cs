using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors.Exact;

/// <summary>A search request's filters, prepared once so the per-vector check is a few comparisons.</summary>
internal sealed class ExactFilter
{
    private readonly HashSet<Guid>? _excludedIds;
    private readonly HashSet<Guid>? _excludedAuthors;
    private readonly bool _includeHidden;

    public ExactFilter(VectorSearchRequest request)
    {
        _excludedIds = request.ExcludeIds.Count > 0 ? [.. request.ExcludeIds] : null;
        _excludedAuthors = request.ExcludeAuthorIds.Count > 0 ? [.. request.ExcludeAuthorIds] : null;
        _includeHidden = request.IncludeHidden;
    }

    public bool Allows(in ExactEntry entry) =>
        (_includeHidden || entry.Status == ContentStatus.Published)
        && (_excludedIds is null || !_excludedIds.Contains(entry.Id))
        && (_excludedAuthors is null || entry.AuthorId is not { } author || !_excludedAuthors.Contains(author));
}
