namespace Gamgyul.Api.Reports;

/// <summary>The body of <c>POST /reports/</c>.</summary>
public sealed record ReportRequest(string? TargetType, string? TargetId, string? Reason, string? Detail);
