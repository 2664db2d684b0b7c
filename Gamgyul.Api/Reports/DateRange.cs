using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Gamgyul.Api.Social;

namespace Gamgyul.Api.Reports;

/// <summary><c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: whole UTC days, both ends included.</summary>
internal readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    public DateTimeOffset? Start => From is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after the range.</summary>
    public DateTimeOffset? End => To is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public static bool TryParse(string? from, string? to, out DateRange range, [NotNullWhen(false)] out IResult? error)
    {
        range = default;
        error = null;
        DateOnly? start = null;
        DateOnly? end = null;
        if (from is not null)
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                error = Problems.Invalid("from", "A date as YYYY-MM-DD.");
                return false;
            }

            start = day;
        }

        if (to is not null)
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                error = Problems.Invalid("to", "A date as YYYY-MM-DD.");
                return false;
            }

            end = day;
        }

        if (start > end)
        {
            error = Problems.Invalid("from", "from is on or before to.");
            return false;
        }

        range = new DateRange(start, end);
        return true;
    }
}
