namespace Gamgyul.Data.Entities;

/// <summary>A product a seller promotes; it is sold in an external store at <see cref="ExternalUrl"/>.</summary>
public class Product
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
    public required string Name { get; set; }

    /// <summary>An exact amount in <see cref="Currency"/>; never a floating-point number.</summary>
    public decimal Price { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = "KRW";

    public string Description { get; set; } = string.Empty;
    public required string ExternalUrl { get; set; }
    public List<ProductImage> Images { get; set; } = [];
    public ContentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
