using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class PasswordResetConfirmRequestValidator : AbstractValidator<PasswordResetConfirmRequest>
{
    public PasswordResetConfirmRequestValidator()
    {
        RuleFor(r => r.Uid).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Token).NotEmpty().MaximumLength(2048);
        RuleFor(r => r.NewPassword1).NotEmpty().MaximumLength(PasswordPolicyValidator.MaxLength);
        RuleFor(r => r.NewPassword2).NotEmpty().Equal(r => r.NewPassword1).WithMessage("The two password fields didn't match.");
    }
}
