namespace Gamgyul.Data.Entities;

/// <summary>Open → InReview → Resolved (action taken) or Dismissed (no action).</summary>
public enum ReportStatus
{
    Open,
    InReview,
    Resolved,
    Dismissed,
}
