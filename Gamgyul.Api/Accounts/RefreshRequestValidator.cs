using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.Refresh).MaximumLength(RefreshTokenService.MaxTokenLength);
}
