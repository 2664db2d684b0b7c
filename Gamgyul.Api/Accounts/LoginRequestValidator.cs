using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(EmailRules.MaxLength)
            .Must(EmailRules.IsValid).WithMessage("Enter a valid e-mail address.");
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordPolicyValidator.MaxLength);
    }
}
