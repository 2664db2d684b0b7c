using FluentValidation;

namespace Gamgyul.Api.Likes;

internal sealed class LikeRequestValidator : AbstractValidator<LikeRequest>
{
    public LikeRequestValidator()
    {
        RuleFor(r => r.PostUuid).Must(BeUuid).When(r => r.PostUuid is not null).WithMessage("Must be a uuid.");
        RuleFor(r => r.CommentUuid).Must(BeUuid).When(r => r.CommentUuid is not null).WithMessage("Must be a uuid.");
        RuleFor(r => r.ReplyUuid).Must(BeUuid).When(r => r.ReplyUuid is not null).WithMessage("Must be a uuid.");
        RuleFor(r => r.Uuid).Must(BeUuid).When(r => r.Uuid is not null).WithMessage("Must be a uuid.");
    }

    private static bool BeUuid(string? value) => Guid.TryParse(value, out _);
}
