using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Products;

public static class ProductQueries
{
    /// <summary>Published products of active owners; hidden ones too for their owner and for admins.</summary>
    public static IQueryable<Product> VisibleTo(this IQueryable<Product> products, Viewer viewer)
    {
        var viewerId = viewer.Id;
        var admin = viewer.IsAdmin;
        return products.Where(p => p.Owner!.DeletedAt == null
            && (p.Status == ContentStatus.Published || p.OwnerId == viewerId || admin));
    }

    public static IQueryable<ProductResponse> ToResponses(this IQueryable<Product> products) =>
        products.SelectExpanded(p => new ProductResponse(
            p.Id,
            UserSummaryResponse.From(p.Owner!),
            p.Name,
            p.Description,
            p.Price,
            p.Currency,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault() ?? string.Empty,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).ToList(),
            p.ExternalUrl,
            p.Status,
            p.CreatedAt,
            p.UpdatedAt));

    /// <summary>Prices leave with exactly their currency's decimals.</summary>
    public static ProductResponse Normalized(this ProductResponse product) =>
        product with { Price = Money.Normalize(product.Price, product.Currency), Currency = product.Currency.Trim() };

    public static KeysetCursor Position(ProductResponse product) => new(product.CreatedAt, product.Uuid);
}
