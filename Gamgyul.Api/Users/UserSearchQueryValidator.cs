using FluentValidation;

namespace Gamgyul.Api.Users;

internal sealed class UserSearchQueryValidator : AbstractValidator<UserSearchQuery>
{
    public const int MaxSearchLength = 100;

    public UserSearchQueryValidator() => RuleFor(q => q.Search).MaximumLength(MaxSearchLength);
}
