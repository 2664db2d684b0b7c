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

internal static class RecommendationHandlers
{
    private const int DefaultPageSize = 10;

    /// <summary>
    /// <c>GET /products/recommend/</c>: products nearest to the caller's interests, other sellers' only, diversified;
    /// the non-personal ranking for anonymous callers and for users with no signal yet.
    /// </summary>
    public static async Task<IResult> RecommendProductsAsync(HttpContext context, GamgyulDbContext db, Recommender recommender,
        TimeProvider clock, IOptions<ProductOptions> productOptions, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        if (viewer.Id is { } me && await recommender.RecommendAsync(me, SearchDocumentKind.Product, cancellationToken) is { Count: > 0 } ids)
        {
            var page = ids.Take(Math.Clamp(pageSize ?? DefaultPageSize, 1, CursorPageRequest.MaxPageSize)).ToList();
            var rows = await db.Products.Where(p => page.Contains(p.Id)).ToResponses().ToListAsync(cancellationToken);
            var byId = rows.ToDictionary(p => p.Uuid);
            return TypedResults.Ok(new CursorPageResponse<ProductResponse>(null, null,
                page.Where(byId.ContainsKey).Select(id => byId[id].Normalized()).ToList()));
        }

        return await ProductReadHandlers.RecommendAsync(context, db, clock, productOptions, pageSize, cancellationToken);
    }

    /// <summary>
    /// <c>GET /posts/p/</c> without a query for a signed-in user with interests: posts "for you", paged by an offset
    /// cursor. Null when it does not apply (anonymous, no signal yet, or a newest-first cursor), so the caller lists newest first.
    /// </summary>
    public static async Task<IResult?> ForYouAsync(HttpContext context, GamgyulDbContext db, Recommender recommender,
        string? cursor, int? pageSize, int defaultPageSize, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        if (viewer.Id is not { } me || !SearchCursor.TryDecode(cursor, out var offset))
        {
            return null;
        }

        if (await recommender.RecommendAsync(me, SearchDocumentKind.Post, cancellationToken) is not { Count: > 0 } ids)
        {
            return null;
        }

        var size = Math.Clamp(pageSize ?? defaultPageSize, 1, CursorPageRequest.MaxPageSize);
        var page = ids.Skip(offset).Take(size).ToList();
        var rows = await db.Posts.Where(p => page.Contains(p.Id)).ToResponses(db, viewer).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(p => p.Uuid);
        var next = offset + size < ids.Count ? PageLink.With(context.Request, ("cursor", SearchCursor.Encode(offset + size))) : null;
        var previous = offset > 0 ? PageLink.With(context.Request, ("cursor", SearchCursor.Encode(Math.Max(0, offset - size)))) : null;
        return TypedResults.Ok(new CursorPageResponse<PostResponse>(next, previous, page.Where(byId.ContainsKey).Select(id => byId[id]).ToList()));
    }
}
