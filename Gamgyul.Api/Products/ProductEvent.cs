using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Products;

/// <summary>The outbox payload of product events.</summary>
public sealed record ProductEvent(Guid ProductId, Guid OwnerId, string Name, string Description, decimal Price,
    string Currency, ContentStatus Status, DateTimeOffset OccurredAt)
{
    public static ProductEvent From(Product product, DateTimeOffset now) => new(product.Id, product.OwnerId, product.Name,
        product.Description, product.Price, product.Currency, product.Status, now);
}
