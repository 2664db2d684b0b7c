using FluentValidation;

namespace Gamgyul.Api.Products;

internal sealed class ProductRequestValidator : ProductFieldsValidator<ProductRequest>
{
    public ProductRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty();
        RuleFor(r => r.Price).NotNull();
        RuleFor(r => r.ProductLink).NotEmpty();
    }
}
