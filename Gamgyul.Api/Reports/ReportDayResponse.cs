namespace Gamgyul.Api.Reports;

/// <summary>One UTC day of report statistics.</summary>
public sealed record ReportDayResponse(DateOnly Date, int Created, int Closed);
