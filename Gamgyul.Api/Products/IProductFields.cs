namespace Gamgyul.Api.Products;

/// <summary>The writable fields of a product, shared by the create/replace and the patch bodies.</summary>
public interface IProductFields
{
    string? Name { get; }
    string? Description { get; }
    decimal? Price { get; }
    string? Currency { get; }
    string? ProductLink { get; }
    string? ProductImageLink { get; }
    List<string?>? Images { get; }
}
