using System.Text.Json;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

internal static class AuditLogHandler
{
    private const int DefaultPageSize = 50;

    /// <summary>The audit log, newest first; <c>?report=</c> or <c>?target_id=</c> narrow it down.</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, GamgyulDbContext db, [FromQuery] Guid? report,
        [FromQuery(Name = "target_id")] Guid? targetId, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var entries = db.AuditLog.AsQueryable();
        if (report is { } reportId)
        {
            entries = entries.Where(e => e.ReportId == reportId);
        }

        if (targetId is { } target)
        {
            entries = entries.Where(e => e.TargetId == target);
        }

        var rows = await entries
            .KeysetPage(page, e => e.CreatedAt, e => e.Id)
            .Select(e => new
            {
                e.Id,
                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.UserName).FirstOrDefault(),
                e.Action,
                e.TargetType,
                e.TargetId,
                e.ReportId,
                e.Details,
                e.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var responses = rows.Select(e => new AuditEntryResponse(e.Id, e.Actor, e.Action, e.TargetType, e.TargetId, e.ReportId,
            JsonDocument.Parse(e.Details).RootElement, e.CreatedAt)).ToList();
        return TypedResults.Ok(responses.ToPage(page, request, e => new KeysetCursor(e.CreatedAt, e.Uuid)));
    }
}
