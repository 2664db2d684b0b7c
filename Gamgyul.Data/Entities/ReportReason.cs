namespace Gamgyul.Data.Entities;

public enum ReportReason
{
    Spam,
    Abuse,
    Fraud,
    Inappropriate,
    Other,
}
