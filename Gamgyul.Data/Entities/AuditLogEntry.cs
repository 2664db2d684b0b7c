namespace Gamgyul.Data.Entities;

/// <summary>One administrative action, kept for accountability. Rows are only ever inserted.</summary>
public class AuditLogEntry
{
    /// <summary>A UUIDv7, so ids sort by time.</summary>
    public Guid Id { get; set; }

    /// <summary>The admin who acted; null once that account is deleted.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>What was done, e.g. <c>report.status_changed</c>, <c>post.hidden</c>, <c>user.suspended</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of object acted on, e.g. <c>post</c>.</summary>
    public required string TargetType { get; set; }

    public Guid? TargetId { get; set; }
    public Guid? ReportId { get; set; }

    /// <summary>Details as JSON (previous and new state, note, period).</summary>
    public string Details { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
