using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

/// <summary>A report as admins see it: the reporter, the reported object and its owner, and the review.</summary>
public sealed record ReportResponse(
    Guid Uuid,
    UserSummaryResponse Reporter,
    ReportTargetType TargetType,
    Guid TargetId,
    UserSummaryResponse? TargetUser,
    ReportReason Reason,
    string Detail,
    ReportStatus Status,
    ModerationAction? Action,
    string AdminNote,
    string? HandledBy,
    DateTimeOffset? HandledAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
