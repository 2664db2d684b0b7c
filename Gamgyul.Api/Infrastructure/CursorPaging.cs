namespace Gamgyul.Api.Infrastructure;

public static class CursorPaging
{
    /// <summary>
    /// Turns the rows read by <see cref="KeysetQueryExtensions.KeysetPage{T}"/> (one more than a page) into
    /// the response, with absolute <c>next</c>/<c>previous</c> links carrying opaque cursors.
    /// </summary>
    public static CursorPageResponse<T> ToPage<T>(this List<T> rows, CursorPageRequest page, HttpRequest request,
        Func<T, KeysetCursor> position)
    {
        var hasMore = rows.Count > page.PageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        string? next = null;
        string? previous = null;
        if (rows.Count > 0)
        {
            var more = page.Backward ? page.Position is not null : hasMore;
            var less = page.Backward ? hasMore : page.Position is not null;
            next = more ? PageLink.With(request, ("cursor", CursorPageRequest.EncodeNext(position(rows[^1])))) : null;
            previous = less ? PageLink.With(request, ("cursor", CursorPageRequest.EncodePrevious(position(rows[0])))) : null;
        }
        else if (page.Position is { } at && !page.Backward)
        {
            // An empty page past the end still lets the client step back.
            previous = PageLink.With(request, ("cursor", CursorPageRequest.EncodePrevious(at)));
        }

        return new CursorPageResponse<T>(next, previous, rows);
    }
}
