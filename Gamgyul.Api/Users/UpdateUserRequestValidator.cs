using FluentValidation;

namespace Gamgyul.Api.Users;

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        UserRequestRules.HandleRule(RuleFor(r => r.Handle));
        UserRequestRules.UsernameRule(RuleFor(r => r.Username));
        UserRequestRules.ProfileRules(this, r => r.Profile);
    }
}
