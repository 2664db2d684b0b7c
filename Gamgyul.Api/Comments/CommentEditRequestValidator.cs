using FluentValidation;

namespace Gamgyul.Api.Comments;

internal sealed class CommentEditRequestValidator : AbstractValidator<CommentEditRequest>
{
    public CommentEditRequestValidator() =>
        RuleFor(r => r.Content).NotEmpty().MaximumLength(CommentRequestValidator.MaxContentLength);
}
