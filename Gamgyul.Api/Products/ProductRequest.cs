namespace Gamgyul.Api.Products;

/// <summary>
/// The body of <c>POST /products/</c> and <c>PUT /products/{uuid}/</c>: name, price and the external
/// store link are required; the currency defaults to KRW. Images: <c>product_image_link</c> (the
/// original's single image) and/or <c>images</c>.
/// </summary>
public sealed record ProductRequest(string? Name, string? Description, decimal? Price, string? Currency,
    string? ProductLink, string? ProductImageLink, List<string?>? Images) : IProductFields;
