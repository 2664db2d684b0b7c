using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class PasswordResetRequestValidator : AbstractValidator<PasswordResetRequest>
{
    public PasswordResetRequestValidator() =>
        RuleFor(r => r.Email).NotEmpty().MaximumLength(EmailRules.MaxLength)
            .Must(EmailRules.IsValid).WithMessage("Enter a valid e-mail address.");
}
