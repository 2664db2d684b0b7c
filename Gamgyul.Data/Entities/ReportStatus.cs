namespace Gamgyul.Data.Entities;

/// <summary>Pending → InReview → Resolved (handled, possibly with an action) or Rejected (unfounded).</summary>
public enum ReportStatus
{
    Pending,
    InReview,
    Resolved,
    Rejected,
}
