using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class VerifyTokenRequestValidator : AbstractValidator<VerifyTokenRequest>
{
    public VerifyTokenRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(4096);
}
