namespace Gamgyul.Api.Products;

/// <summary>The body of <c>PATCH /products/{uuid}/</c>: an absent (null) field keeps its value.</summary>
public sealed record ProductPatchRequest(string? Name, string? Description, decimal? Price, string? Currency,
    string? ProductLink, string? ProductImageLink, List<string?>? Images) : IProductFields;
