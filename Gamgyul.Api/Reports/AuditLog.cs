using System.Text.Json;
using Gamgyul.Data;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

/// <summary>Writes audit entries for administrative actions, in the caller's unit of work.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Record(GamgyulDbContext db, Guid? actorId, string action, string targetType, Guid? targetId,
        Guid? reportId, object details, DateTimeOffset now) => db.AuditLog.Add(new AuditLogEntry
        {
            Id = Guid.CreateVersion7(now),
            ActorId = actorId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            ReportId = reportId,
            Details = JsonSerializer.Serialize(details, Json),
            CreatedAt = now,
        });
}
