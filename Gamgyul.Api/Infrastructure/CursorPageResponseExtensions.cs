namespace Gamgyul.Api.Infrastructure;

public static class CursorPageResponseExtensions
{
    /// <summary>The same page with its rows turned into their response shape.</summary>
    public static CursorPageResponse<TOut> Map<TIn, TOut>(this CursorPageResponse<TIn> page, Func<TIn, TOut> map) =>
        new(page.Next, page.Previous, page.Results.Select(map).ToList());
}
