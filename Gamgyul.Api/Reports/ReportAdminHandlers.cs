using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

/// <summary>The admins' queue: list and read reports, and move them through the workflow.</summary>
internal static class ReportAdminHandlers
{
    private const int DefaultPageSize = 20;

    private static readonly HashSet<(ReportStatus From, ReportStatus To)> Transitions =
    [
        (ReportStatus.Pending, ReportStatus.InReview),
        (ReportStatus.InReview, ReportStatus.Resolved),
        (ReportStatus.InReview, ReportStatus.Rejected),
    ];

    public static async Task<IResult> ListAsync(HttpRequest request, GamgyulDbContext db, [FromQuery] string? status,
        [FromQuery(Name = "target_type")] string? targetType, [FromQuery] string? reason, [FromQuery] string? from,
        [FromQuery] string? to, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var reports = db.Reports.AsQueryable();
        if (status is not null)
        {
            if (!ReportVocabulary.Statuses.TryGetValue(status, out var wanted))
            {
                return Problems.Invalid("status", $"One of: {string.Join(", ", ReportVocabulary.Statuses.Keys)}.");
            }

            reports = reports.Where(r => r.Status == wanted);
        }

        if (targetType is not null)
        {
            if (!ReportVocabulary.TargetTypes.TryGetValue(targetType, out var wanted))
            {
                return Problems.Invalid("target_type", $"One of: {string.Join(", ", ReportVocabulary.TargetTypes.Keys)}.");
            }

            reports = reports.Where(r => r.TargetType == wanted);
        }

        if (reason is not null)
        {
            if (!ReportVocabulary.Reasons.TryGetValue(reason, out var wanted))
            {
                return Problems.Invalid("reason", $"One of: {string.Join(", ", ReportVocabulary.Reasons.Keys)}.");
            }

            reports = reports.Where(r => r.Reason == wanted);
        }

        if (!DateRange.TryParse(from, to, out var range, out var error))
        {
            return error;
        }

        if (range.Start is { } start)
        {
            reports = reports.Where(r => r.CreatedAt >= start);
        }

        if (range.End is { } end)
        {
            reports = reports.Where(r => r.CreatedAt < end);
        }

        var rows = await reports
            .KeysetPage(page, r => r.CreatedAt, r => r.Id)
            .ToResponses()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, r => new KeysetCursor(r.CreatedAt, r.Uuid)));
    }

    public static async Task<IResult> GetAsync(Guid uuid, GamgyulDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.Reports.Where(r => r.Id == uuid).ToResponses().FirstOrDefaultAsync(cancellationToken);
        return report is null ? Problems.NotFound("Report not found.") : TypedResults.Ok(report);
    }

    public static async Task<IResult> ReviewAsync(Guid uuid, ReviewRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var adminId = user.GetUserId();
        var now = clock.GetUtcNow();
        var target = request.Status is null ? (ReportStatus?)null : ReportVocabulary.Statuses[request.Status];
        var action = request.Action is null ? (ModerationAction?)null : ReportVocabulary.Actions[request.Action];

        var outcome = await db.InTransactionAsync<IResult?>(async token =>
        {
            // Row lock: two admins reviewing the same report are applied one after the other.
            var report = (await db.Reports.FromSql($"SELECT * FROM reports WHERE id = {uuid} FOR UPDATE").ToListAsync(token))
                .SingleOrDefault();
            if (report is null)
            {
                return Problems.NotFound("Report not found.");
            }

            var from = report.Status;
            if (target is { } to && !Transitions.Contains((from, to)))
            {
                return Problems.Conflict($"A report cannot move from {ReportVocabulary.Name(from)} to {ReportVocabulary.Name(to)}.");
            }

            if (action == ModerationAction.HideContent && report.TargetType == ReportTargetType.User)
            {
                return Problems.Invalid("action", "A user cannot be hidden; suspend them instead.");
            }

            if (action == ModerationAction.SuspendUser && report.TargetUserId is null)
            {
                return Problems.Invalid("action", "The reported user no longer exists.");
            }

            report.AdminNote = request.AdminNote?.Trim() ?? report.AdminNote;
            report.UpdatedAt = now;
            if (target is { } status)
            {
                report.Status = status;
                report.HandledById = adminId;
                report.HandledAt = now;
                if (status == ReportStatus.Resolved)
                {
                    report.Action = action ?? ModerationAction.None;
                }
            }

            var contentFound = action != ModerationAction.HideContent
                || await ModerationActions.HideAsync(db, report, adminId, now, token);
            if (action == ModerationAction.SuspendUser)
            {
                ModerationActions.Suspend(db, report, report.TargetUserId!.Value, request.SuspendDays!.Value, adminId, now);
            }

            AuditLog.Record(db, adminId, target is null ? "report.noted" : "report.status_changed", "report", report.Id, report.Id,
                new
                {
                    from = ReportVocabulary.Name(from),
                    to = ReportVocabulary.Name(report.Status),
                    action = report.Action is { } taken ? ReportVocabulary.Name(taken) : null,
                    note = report.AdminNote,
                    content_found = contentFound,
                }, now);
            db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ReportUpdated, report.Id.ToString(), ReportEvent.From(report, now), now));
            await db.SaveChangesAsync(token);
            return null;
        }, cancellationToken);

        return outcome ?? await GetAsync(uuid, db, cancellationToken);
    }
}
