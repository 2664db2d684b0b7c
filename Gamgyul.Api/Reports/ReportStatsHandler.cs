using System.Data.Common;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

internal static class ReportStatsHandler
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static async Task<IResult> GetAsync(GamgyulDbContext db, TimeProvider clock, [FromQuery] string? from,
        [FromQuery] string? to, CancellationToken cancellationToken)
    {
        if (!DateRange.TryParse(from, to, out var requested, out var error))
        {
            return error;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = requested.To ?? (requested.From is { } f && f.AddDays(DefaultDays - 1) < today ? f.AddDays(DefaultDays - 1) : today);
        var first = requested.From ?? last.AddDays(-(DefaultDays - 1));
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return Social.Problems.Invalid("from", $"Ask for at most {MaxDays} days.");
        }

        var range = new DateRange(first, last);
        var start = range.Start!.Value;
        var end = range.End!.Value;
        var inRange = db.Reports.Where(r => r.CreatedAt >= start && r.CreatedAt < end);

        var byStatus = await inRange.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byType = await inRange.GroupBy(r => r.TargetType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byReason = await inRange.GroupBy(r => r.Reason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var created = await CountPerDayAsync(db, "created_at", start, end, cancellationToken);
        var closed = await CountPerDayAsync(db, "handled_at", start, end, cancellationToken, "status IN ('Resolved', 'Rejected')");

        var perDay = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(i => first.AddDays(i))
            .Select(day => new ReportDayResponse(day, created.GetValueOrDefault(day), closed.GetValueOrDefault(day)))
            .ToList();
        return TypedResults.Ok(new ReportStatsResponse(
            first,
            last,
            byStatus.Sum(s => s.Count),
            Complete(byStatus.ToDictionary(s => s.Key, s => s.Count)),
            Complete(byType.ToDictionary(s => s.Key, s => s.Count)),
            Complete(byReason.ToDictionary(s => s.Key, s => s.Count)),
            perDay));
    }

    // Every value of the enum, zero when absent, so the dashboard's charts have stable series.
    private static Dictionary<string, int> Complete<TEnum>(Dictionary<TEnum, int> counts) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(ReportVocabulary.Name, v => counts.GetValueOrDefault(v));

    private static async Task<Dictionary<DateOnly, int>> CountPerDayAsync(GamgyulDbContext db, string column,
        DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken, string filter = "TRUE")
    {
        // Grouping by UTC calendar day is plain SQL; the column and filter are constants of this class.
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT ({column} AT TIME ZONE 'UTC')::date, count(*)::int FROM reports
                WHERE {column} >= @start AND {column} < @end AND {filter}
                GROUP BY 1
                """;
            AddParameter(command, "start", start);
            AddParameter(command, "end", end);
            var result = new Dictionary<DateOnly, int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt32(1);
            }

            return result;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, DateTimeOffset value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
