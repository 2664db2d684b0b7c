namespace Gamgyul.Api.Products;

internal sealed class ProductPatchRequestValidator : ProductFieldsValidator<ProductPatchRequest>;
