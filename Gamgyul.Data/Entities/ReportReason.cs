namespace Gamgyul.Data.Entities;

public enum ReportReason
{
    Spam,
    Abuse,
    Adult,
    Fraud,
    Other,
}
