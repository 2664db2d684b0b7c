using FluentValidation;

namespace Gamgyul.Api.Accounts.Google;

internal sealed class GoogleLoginRequestValidator : AbstractValidator<GoogleLoginRequest>
{
    public GoogleLoginRequestValidator()
    {
        RuleFor(r => r.Code).MaximumLength(2048);
        RuleFor(r => r.IdToken).MaximumLength(8192);
        RuleFor(r => r.AccessToken).MaximumLength(8192);
        RuleFor(r => r)
            .Must(r => !string.IsNullOrEmpty(r.Code) || !string.IsNullOrEmpty(r.IdToken))
            .WithName("non_field_errors").OverridePropertyName("non_field_errors")
            .WithMessage("Incorrect input. code or id_token is required.");
    }
}
