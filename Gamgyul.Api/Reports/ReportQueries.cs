using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

internal static class ReportQueries
{
    public static IQueryable<ReportResponse> ToResponses(this IQueryable<Report> reports) =>
        reports.SelectExpanded(r => new ReportResponse(
            r.Id,
            UserSummaryResponse.From(r.Reporter!),
            r.TargetType,
            r.TargetId,
            r.TargetUser == null ? null : UserSummaryResponse.From(r.TargetUser),
            r.Reason,
            r.Detail,
            r.Status,
            r.Action,
            r.AdminNote,
            r.HandledBy == null ? null : r.HandledBy.UserName,
            r.HandledAt,
            r.CreatedAt,
            r.UpdatedAt));
}
