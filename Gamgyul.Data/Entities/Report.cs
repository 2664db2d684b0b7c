namespace Gamgyul.Data.Entities;

/// <summary>A user's report about a user, post, comment, product or chat message, and its moderation.</summary>
public class Report
{
    public Guid Id { get; set; }
    public Guid ReporterId { get; set; }
    public User? Reporter { get; set; }
    public ReportTargetType TargetType { get; set; }

    /// <summary>The id of the reported object (a user, post, comment, product or chat message id).</summary>
    public Guid TargetId { get; set; }

    /// <summary>The author or owner of the reported object, kept for per-user moderation views.</summary>
    public Guid? TargetUserId { get; set; }
    public User? TargetUser { get; set; }

    public ReportReason Reason { get; set; }
    public string Detail { get; set; } = string.Empty;
    public ReportStatus Status { get; set; }
    public string AdminNote { get; set; } = string.Empty;

    /// <summary>Set when the report is resolved.</summary>
    public ModerationAction? Action { get; set; }

    public Guid? HandledById { get; set; }
    public User? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
