using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

/// <summary>A report as its reporter sees it: what was reported and how far it got, without the admins' notes.</summary>
public sealed record MyReportResponse(
    Guid Uuid,
    ReportTargetType TargetType,
    Guid TargetId,
    ReportReason Reason,
    string Detail,
    ReportStatus Status,
    ModerationAction? Action,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
