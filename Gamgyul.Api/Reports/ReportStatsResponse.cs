namespace Gamgyul.Api.Reports;

/// <summary>
/// The admin dashboard's numbers for reports created in [<c>from</c>, <c>to</c>] (UTC days): by status,
/// target type and reason, and per day (reports created, and reports resolved or rejected that day).
/// </summary>
public sealed record ReportStatsResponse(
    DateOnly From,
    DateOnly To,
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByTargetType,
    IReadOnlyDictionary<string, int> ByReason,
    IReadOnlyList<ReportDayResponse> PerDay);
