using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Products;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Search;

internal static class SearchHandlers
{
    /// <summary><c>GET /search/?q=&amp;type=posts|products|users&amp;cursor=&amp;page_size=</c>: hybrid results in relevance order.</summary>
    public static async Task<IResult> SearchAsync(HttpContext context, HybridSearch search, GamgyulDbContext db,
        IOptions<SearchQueryOptions> options, [FromQuery] string? q, [FromQuery] string? type, [FromQuery] string? cursor,
        [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (SearchKind.Parse(type) is not { } kind)
        {
            return Problems.Invalid("type", $"Search {SearchKind.Posts}, {SearchKind.Products} or {SearchKind.Users}.");
        }

        return await PageAsync(context, search, db, options.Value, kind, q, cursor, pageSize, "q", cancellationToken);
    }

    /// <summary>
    /// <c>GET /posts/p/?search=</c> (with optional <c>?tags=</c>, all required): the hybrid post search, tags as a filter.
    /// </summary>
    public static async Task<IResult> PostSearchAsync(HttpContext context, HybridSearch search, GamgyulDbContext db,
        SearchQueryOptions options, string query, string[]? tags, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TagQuery.TryParse(tags, out var required, out var problem))
        {
            return problem!;
        }

        return await PageAsync(context, search, db, options, SearchDocumentKind.Post, query, cursor, pageSize, "search", cancellationToken,
            required);
    }

    /// <summary>
    /// One page of a hybrid search. Shared with <c>GET /posts/p/?search=</c>, whose query parameter is
    /// <paramref name="queryParameter"/>.
    /// </summary>
    public static async Task<IResult> PageAsync(HttpContext context, HybridSearch search, GamgyulDbContext db,
        SearchQueryOptions options, SearchDocumentKind kind, string? q, string? cursor, int? pageSize, string queryParameter,
        CancellationToken cancellationToken, List<string>? requiredTags = null)
    {
        var query = q?.Trim() ?? string.Empty;
        if (query.Length == 0 || query.Length > options.MaxQueryLength)
        {
            return Problems.Invalid(queryParameter, $"Search for 1 to {options.MaxQueryLength} characters.");
        }

        if (!SearchCursor.TryDecode(cursor, out var offset))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var size = Math.Clamp(pageSize ?? options.DefaultPageSize, 1, CursorPageRequest.MaxPageSize);
        var ranked = await search.RankAsync(kind, query, RankingMode.Hybrid, cancellationToken);
        if (requiredTags is { Count: > 0 })
        {
            var candidates = ranked.ToList();
            var tagged = (await db.Posts.Where(p => candidates.Contains(p.Id) && requiredTags.All(t => p.Tags.Contains(t)))
                .Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
            ranked = candidates.Where(tagged.Contains).ToList();
        }

        var page = ranked.Skip(offset).Take(size).ToList();
        var next = offset + size < ranked.Count ? PageLink.With(context.Request, ("cursor", SearchCursor.Encode(offset + size))) : null;
        var previous = offset > 0 ? PageLink.With(context.Request, ("cursor", SearchCursor.Encode(Math.Max(0, offset - size)))) : null;
        var viewer = Viewer.From(context.User);
        return kind switch
        {
            SearchDocumentKind.Post => Page(next, previous, page,
                await db.Posts.Where(p => page.Contains(p.Id)).ToResponses(db, viewer).ToListAsync(cancellationToken), p => p.Uuid),
            SearchDocumentKind.Product => Page(next, previous, page,
                (await db.Products.Where(p => page.Contains(p.Id)).ToResponses().ToListAsync(cancellationToken))
                    .ConvertAll(p => p.Normalized()), p => p.Uuid),
            _ => Page(next, previous, page, await UsersAsync(db, page, cancellationToken), u => u.Id, u => u.User),
        };
    }

    private static async Task<List<(Guid Id, UserSummaryResponse User)>> UsersAsync(GamgyulDbContext db, List<Guid> ids,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return users.ConvertAll(u => (u.Id, UserSummaryResponse.From(u)));
    }

    private static IResult Page<T>(string? next, string? previous, List<Guid> order, List<T> rows, Func<T, Guid> id) =>
        Page(next, previous, order, rows, id, row => row);

    /// <summary>The rows in the ranking's order (a row that vanished since ranking is left out).</summary>
    private static IResult Page<TRow, T>(string? next, string? previous, List<Guid> order, List<TRow> rows, Func<TRow, Guid> id,
        Func<TRow, T> shape)
    {
        var byId = rows.ToDictionary(id);
        return TypedResults.Ok(new CursorPageResponse<T>(next, previous,
            order.Where(byId.ContainsKey).Select(i => shape(byId[i])).ToList()));
    }
}
