using FluentValidation;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;

namespace Gamgyul.Api.Products;

/// <summary>Rules every product body shares; <see cref="ProductRequestValidator"/> adds the required fields.</summary>
internal abstract class ProductFieldsValidator<T> : AbstractValidator<T> where T : IProductFields
{
    public const int MaxImages = 10;

    protected ProductFieldsValidator()
    {
        RuleFor(r => r.Name).Must(n => n!.Trim().Length is >= 2 and <= 100).When(r => r.Name is not null)
            .WithMessage("A name is 2 to 100 characters.");
        RuleFor(r => r.Description).MaximumLength(5000);
        RuleFor(r => r.Price!.Value).InclusiveBetween(0, Money.MaxPrice).When(r => r.Price is not null)
            .OverridePropertyName("price").WithMessage("A price is between 0 and 999999999999.99.");
        RuleFor(r => r.Currency).Must(Money.IsSupported).When(r => r.Currency is not null)
            .WithMessage($"Supported currencies: {string.Join(", ", Money.Currencies)}.");
        RuleFor(r => r)
            .Must(r => Money.FitsCurrency(r.Price!.Value, r.Currency ?? Money.DefaultCurrency))
            .When(r => r.Price is not null && (r.Currency is null || Money.IsSupported(r.Currency)))
            .OverridePropertyName("price")
            .WithMessage("The price has more decimals than its currency allows (KRW and JPY have none).");
        RuleFor(r => r.ProductLink).Must(PublicWebUrl.IsValid).When(r => r.ProductLink is not null)
            .WithMessage("The store link must be a public http or https URL.");
        RuleFor(r => r.ProductImageLink).Must(IsImage).When(r => !string.IsNullOrEmpty(r.ProductImageLink))
            .WithMessage("An image is an uploaded media id or a public http or https URL.");
        RuleFor(r => r.Images).Must(i => i!.Count <= MaxImages).When(r => r.Images is not null)
            .WithMessage($"A product has at most {MaxImages} images.");
        RuleForEach(r => r.Images).Must(IsImage).WithMessage("An image is an uploaded media id or a public http or https URL.");
    }

    private static bool IsImage(string? image) => MediaReference.TryParse(image, out _) || PublicWebUrl.IsValid(image);
}
