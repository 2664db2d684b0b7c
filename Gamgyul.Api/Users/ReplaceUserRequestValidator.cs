using FluentValidation;

namespace Gamgyul.Api.Users;

internal sealed class ReplaceUserRequestValidator : AbstractValidator<ReplaceUserRequest>
{
    public ReplaceUserRequestValidator()
    {
        RuleFor(r => r.Handle).NotNull();
        RuleFor(r => r.Username).NotNull();
        RuleFor(r => r.Profile).NotNull();
        UserRequestRules.HandleRule(RuleFor(r => r.Handle));
        UserRequestRules.UsernameRule(RuleFor(r => r.Username));
        UserRequestRules.ProfileRules(this, r => r.Profile);
    }
}
