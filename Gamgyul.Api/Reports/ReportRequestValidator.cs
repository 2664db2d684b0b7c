using FluentValidation;

namespace Gamgyul.Api.Reports;

internal sealed class ReportRequestValidator : AbstractValidator<ReportRequest>
{
    public const int MaxDetailLength = 2000;

    public ReportRequestValidator()
    {
        RuleFor(r => r.TargetType).NotEmpty();
        RuleFor(r => r.TargetType)
            .Must(t => ReportVocabulary.TargetTypes.ContainsKey(t!)).When(r => !string.IsNullOrEmpty(r.TargetType))
            .WithMessage($"One of: {string.Join(", ", ReportVocabulary.TargetTypes.Keys)}.");
        RuleFor(r => r.TargetId).NotEmpty();
        RuleFor(r => r.TargetId)
            .Must(id => Guid.TryParse(id, out _)).When(r => !string.IsNullOrEmpty(r.TargetId)).WithMessage("Must be a uuid.");
        RuleFor(r => r.Reason).NotEmpty();
        RuleFor(r => r.Reason)
            .Must(r => ReportVocabulary.Reasons.ContainsKey(r!)).When(r => !string.IsNullOrEmpty(r.Reason))
            .WithMessage($"One of: {string.Join(", ", ReportVocabulary.Reasons.Keys)}.");
        RuleFor(r => r.Detail).MaximumLength(MaxDetailLength);
        RuleFor(r => r.Detail).NotEmpty().When(r => r.Reason == "other").WithMessage("Say what is wrong when the reason is 'other'.");
    }
}
