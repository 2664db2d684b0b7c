using FluentValidation;

namespace Gamgyul.Api.Reports;

internal sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public const int MaxSuspendDays = 365;

    public ReviewRequestValidator()
    {
        RuleFor(r => r).Must(r => r.Status is not null || r.AdminNote is not null)
            .OverridePropertyName("status").WithMessage("Send a status, an admin_note, or both.");
        RuleFor(r => r.Status).Must(s => ReportVocabulary.Statuses.ContainsKey(s!)).When(r => r.Status is not null)
            .WithMessage($"One of: {string.Join(", ", ReportVocabulary.Statuses.Keys)}.");
        RuleFor(r => r.AdminNote).MaximumLength(ReportRequestValidator.MaxDetailLength);
        RuleFor(r => r.Action).Must(a => ReportVocabulary.Actions.ContainsKey(a!)).When(r => r.Action is not null)
            .WithMessage($"One of: {string.Join(", ", ReportVocabulary.Actions.Keys)}.");
        RuleFor(r => r.Action).Null().When(r => r.Status != "resolved")
            .WithMessage("An action is taken only when resolving a report.");
        RuleFor(r => r.SuspendDays).NotNull().InclusiveBetween(1, MaxSuspendDays).When(r => r.Action == "suspend_user")
            .WithMessage($"Suspend for 1 to {MaxSuspendDays} days.");
        RuleFor(r => r.SuspendDays).Null().When(r => r.Action != "suspend_user")
            .WithMessage("suspend_days goes with the suspend_user action.");
    }
}
