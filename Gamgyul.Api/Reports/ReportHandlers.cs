using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

/// <summary>What any signed-in user does with reports: file one, and follow their own.</summary>
internal static class ReportHandlers
{
    private const int DefaultPageSize = 20;

    public static async Task<IResult> CreateAsync(ReportRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var reporter = Viewer.From(user);
        var type = ReportVocabulary.TargetTypes[request.TargetType!];
        var targetId = Guid.Parse(request.TargetId!);
        if (await ReportTargets.FindOwnerAsync(db, type, targetId, reporter, cancellationToken) is not { } owner)
        {
            return Problems.NotFound("Nothing to report there.");
        }

        if (owner == reporter.Id)
        {
            return Problems.Invalid("target_id", "You cannot report yourself or your own content.");
        }

        var now = clock.GetUtcNow();
        var report = new Report
        {
            Id = Guid.CreateVersion7(now),
            ReporterId = reporter.Id!.Value,
            TargetType = type,
            TargetId = targetId,
            TargetUserId = owner,
            Reason = ReportVocabulary.Reasons[request.Reason!],
            Detail = request.Detail?.Trim() ?? string.Empty,
            Status = ReportStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Reports.Add(report);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ReportCreated, report.Id.ToString(), ReportEvent.From(report, now), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return Problems.Conflict("You already have an open report about this.");
        }

        return TypedResults.Created($"/reports/mine/", ToMine(report));
    }

    public static async Task<IResult> MineAsync(ClaimsPrincipal user, HttpRequest request, GamgyulDbContext db,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var me = user.GetUserId();
        var rows = await db.Reports.Where(r => r.ReporterId == me)
            .KeysetPage(page, r => r.CreatedAt, r => r.Id)
            .Select(r => new MyReportResponse(r.Id, r.TargetType, r.TargetId, r.Reason, r.Detail, r.Status, r.Action, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, r => new KeysetCursor(r.CreatedAt, r.Uuid)));
    }

    private static MyReportResponse ToMine(Report r) =>
        new(r.Id, r.TargetType, r.TargetId, r.Reason, r.Detail, r.Status, r.Action, r.CreatedAt, r.UpdatedAt);
}
