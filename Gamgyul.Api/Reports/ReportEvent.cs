using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

/// <summary>The outbox payload of report events.</summary>
public sealed record ReportEvent(Guid ReportId, ReportTargetType TargetType, Guid TargetId, Guid? TargetUserId,
    ReportReason Reason, ReportStatus Status, ModerationAction? Action, DateTimeOffset OccurredAt)
{
    public static ReportEvent From(Report report, DateTimeOffset now) => new(report.Id, report.TargetType, report.TargetId,
        report.TargetUserId, report.Reason, report.Status, report.Action, now);
}
