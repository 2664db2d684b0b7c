using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Search;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Products;

internal static class ProductReadHandlers
{
    private const int DefaultPageSize = 10;
    private const int MaxQueryLength = 100;

    public static async Task<IResult> GetAsync(Guid uuid, HttpContext context, GamgyulDbContext db, InterestProfile interests,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var product = await LoadAsync(db, uuid, viewer, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound("Product not found.");
        }

        await interests.RecordViewAsync(viewer.Id, SearchDocumentKind.Product, uuid);
        return TypedResults.Ok(product);
    }

    public static async Task<IResult> ListAsync(HttpContext context, GamgyulDbContext db, UserDirectory users,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery] string? handle,
        [FromQuery] string? q, [FromQuery(Name = "min_price")] decimal? minPrice, [FromQuery(Name = "max_price")] decimal? maxPrice,
        [FromQuery] string? currency, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (minPrice < 0 || maxPrice < 0 || minPrice > maxPrice)
        {
            return Problems.Invalid("min_price", "Prices are non-negative and min_price is at most max_price.");
        }

        if (currency is not null && !Money.IsSupported(currency))
        {
            return Problems.Invalid("currency", $"Supported currencies: {string.Join(", ", Money.Currencies)}.");
        }

        var viewer = Viewer.From(context.User);
        var products = db.Products.VisibleTo(viewer);
        if (!string.IsNullOrWhiteSpace(handle))
        {
            if (await users.FindIdAsync(handle, cancellationToken) is not { } ownerId)
            {
                return Problems.NotFound("User not found.");
            }

            products = products.Where(p => p.OwnerId == ownerId);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            if (q.Length > MaxQueryLength)
            {
                return Problems.Invalid("q", $"Search for at most {MaxQueryLength} characters.");
            }

            var pattern = "%" + LikePattern.Escape(q.Trim()) + "%";
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(p.Description, pattern, LikePattern.EscapeCharacter));
        }

        if (minPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }

        if (maxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }

        if (currency is not null)
        {
            products = products.Where(p => p.Currency == currency);
        }

        return await PageAsync(products, page, context.Request, cancellationToken);
    }

    public static async Task<IResult> LatestByHandleAsync(string handle, HttpContext context, GamgyulDbContext db,
        UserDirectory users, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (await users.FindIdAsync(handle, cancellationToken) is not { } ownerId)
        {
            return Problems.NotFound("User not found.");
        }

        var products = db.Products.Where(p => p.OwnerId == ownerId).VisibleTo(Viewer.From(context.User));
        return await PageAsync(products, page, context.Request, cancellationToken);
    }

    /// <summary>
    /// A non-personal ranking until the search issue makes it personal: products of the last
    /// <see cref="ProductOptions.RecommendWindowDays"/> days, scored by the seller's followers and decayed
    /// by age (score = ln(followers + 2) / (hours + 2)^1.5, the gravity of a news ranking).
    /// </summary>
    public static async Task<IResult> RecommendAsync(HttpContext context, GamgyulDbContext db, TimeProvider clock,
        IOptions<ProductOptions> options, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, CursorPageRequest.MaxPageSize);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-options.Value.RecommendWindowDays);
        var rows = await db.Products.VisibleTo(Viewer.From(context.User))
            .Where(p => p.Status == ContentStatus.Published && p.CreatedAt >= since)
            .OrderByDescending(p => Math.Log(p.Owner!.FollowersCount + 2.0)
                / Math.Pow((now - p.CreatedAt).TotalHours + 2.0, 1.5))
            .ThenByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Id)
            .Take(size)
            .ToResponses()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new CursorPageResponse<ProductResponse>(null, null, rows.Select(p => p.Normalized()).ToList()));
    }

    internal static async Task<ProductResponse?> LoadAsync(GamgyulDbContext db, Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        (await db.Products.Where(p => p.Id == id).VisibleTo(viewer).ToResponses().FirstOrDefaultAsync(cancellationToken))?.Normalized();

    private static async Task<IResult> PageAsync(IQueryable<Product> products, CursorPageRequest page, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var rows = await products
            .KeysetPage(page, p => p.CreatedAt, p => p.Id)
            .ToResponses()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(p => p.Normalized()).ToList().ToPage(page, request, ProductQueries.Position));
    }
}
