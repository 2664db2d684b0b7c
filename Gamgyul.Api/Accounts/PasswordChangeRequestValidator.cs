using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class PasswordChangeRequestValidator : AbstractValidator<PasswordChangeRequest>
{
    public PasswordChangeRequestValidator()
    {
        RuleFor(r => r.OldPassword).MaximumLength(PasswordPolicyValidator.MaxLength);
        RuleFor(r => r.NewPassword1).NotEmpty().MaximumLength(PasswordPolicyValidator.MaxLength);
        RuleFor(r => r.NewPassword2).NotEmpty().Equal(r => r.NewPassword1).WithMessage("The two password fields didn't match.");
    }
}
