using FluentValidation;

namespace Gamgyul.Api.Follows;

internal sealed class FollowRequestValidator : AbstractValidator<FollowRequest>
{
    public FollowRequestValidator() => RuleFor(r => r.Handle).NotEmpty().MaximumLength(30);
}
