namespace Gamgyul.Data.Entities;

/// <summary>A period during which a user may read but not write (post, comment, like, follow, sell).</summary>
public class UserSuspension
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Reason { get; set; } = string.Empty;

    /// <summary>The report that led to it, if any.</summary>
    public Guid? ReportId { get; set; }

    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
