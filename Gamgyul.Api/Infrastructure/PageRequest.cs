namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// <c>?page=N&amp;page_size=M</c> for page-number lists. Out-of-range values are clamped rather than
/// refused: page 0 is page 1 and an oversized page is the maximum.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize) =>
        new(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>Builds the response with absolute <c>next</c>/<c>previous</c> links for this request.</summary>
    public PageResponse<T> ToResponse<T>(HttpRequest request, int count, IReadOnlyList<T> results)
    {
        var next = Skip + results.Count < count ? PageLink.With(request, ("page", (Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;
        var previous = Page > 1 ? PageLink.With(request, ("page", (Page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;
        return new PageResponse<T>(count, next, previous, results);
    }
}
