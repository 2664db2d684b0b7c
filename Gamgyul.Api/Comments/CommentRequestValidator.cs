using FluentValidation;

namespace Gamgyul.Api.Comments;

internal sealed class CommentRequestValidator : AbstractValidator<CommentRequest>
{
    public const int MaxContentLength = 2000;

    public CommentRequestValidator()
    {
        RuleFor(r => r.Post).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithMessage("Must be a uuid.");
        RuleFor(r => r.Content).NotEmpty().MaximumLength(MaxContentLength);
        RuleFor(r => r.Parent).Must(id => Guid.TryParse(id, out _)).When(r => r.Parent is not null).WithMessage("Must be a uuid.");
    }
}
