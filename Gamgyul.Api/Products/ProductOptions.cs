namespace Gamgyul.Api.Products;

/// <summary>The <c>Products</c> configuration section.</summary>
public sealed class ProductOptions
{
    public const string SectionName = "Products";

    /// <summary>Recommendations rank products listed in this many recent days.</summary>
    public int RecommendWindowDays { get; set; } = 30;
}
