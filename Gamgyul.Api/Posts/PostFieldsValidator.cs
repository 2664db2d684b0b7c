using FluentValidation;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;

namespace Gamgyul.Api.Posts;

/// <summary>Rules every post body shares; the subclasses decide whether <c>text</c> is required.</summary>
internal abstract class PostFieldsValidator<T> : AbstractValidator<T> where T : IPostFields
{
    public const int MaxTextLength = 5000;
    public const int MaxImages = 10;
    public const int MaxCategoryLength = 50;

    protected PostFieldsValidator()
    {
        RuleFor(r => r.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => r.Text is not null).WithMessage("Text cannot be blank.")
            .MaximumLength(MaxTextLength);
        RuleFor(r => r.Tags)
            .Must(t => t!.Count <= TagParser.MaxTags).When(r => r.Tags is not null)
            .WithMessage($"A post has at most {TagParser.MaxTags} tags.");
        RuleForEach(r => r.Tags)
            .Must(t => TagParser.Normalize(t) is not null)
            .WithMessage($"A tag is 1 to {TagParser.MaxTagLength} letters, digits or underscores.");
        RuleFor(r => r)
            .Must(r => TagParser.Merge(r.Tags, r.Text).Count <= TagParser.MaxTags)
            .When(r => r.Tags is null || r.Tags.Count <= TagParser.MaxTags)
            .OverridePropertyName("tags")
            .WithMessage($"A post has at most {TagParser.MaxTags} tags, counting the #hashtags in its text.");
        RuleFor(r => r.Images)
            .Must(i => i!.Count <= MaxImages).When(r => r.Images is not null)
            .WithMessage($"A post has at most {MaxImages} images.");
        RuleForEach(r => r.Images)
            .Must(i => MediaReference.TryParse(i, out _) || PublicWebUrl.IsValid(i))
            .WithMessage("An image is an uploaded media id or a public http or https URL.");
        RuleFor(r => r.Category).MaximumLength(MaxCategoryLength);
    }
}
