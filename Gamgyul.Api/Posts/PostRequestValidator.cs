using FluentValidation;

namespace Gamgyul.Api.Posts;

internal sealed class PostRequestValidator : PostFieldsValidator<PostRequest>
{
    public PostRequestValidator() => RuleFor(r => r.Text).NotEmpty().WithMessage("Text is required.");
}
