using FluentValidation;

namespace Gamgyul.Api.Accounts;

internal sealed class RegistrationRequestValidator : AbstractValidator<RegistrationRequest>
{
    public RegistrationRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(EmailRules.MaxLength)
            .Must(EmailRules.IsValid).WithMessage("Enter a valid e-mail address.");
        RuleFor(r => r.Username).NotEmpty().Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("'Username' must not be blank.")
            .MaximumLength(UserProfileRules.DisplayNameMaxLength);

        When(r => r.Password1 is null, () =>
            RuleFor(r => r.Password).NotEmpty().WithMessage("Either 'password1' and 'password2' or 'password' is required.")
                .MaximumLength(PasswordPolicyValidator.MaxLength));
        When(r => r.Password1 is not null, () =>
        {
            RuleFor(r => r.Password1).NotEmpty().MaximumLength(PasswordPolicyValidator.MaxLength);
            RuleFor(r => r.Password2).NotEmpty().Equal(r => r.Password1).WithMessage("The two password fields didn't match.");
        });
    }
}
