using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gamgyul.Bench.Social;

/// <summary>Puts the four runs and the write counts side by side against the issue's goals, as Markdown.</summary>
public static class Report
{
    public static int Run(BenchOptions options)
    {
        var directory = options.Get("results");
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        LoadResult Read(string name) => JsonSerializer.Deserialize<LoadResult>(File.ReadAllText(Path.Combine(directory, name + ".json")), json)!;
        var feedApi = Read("feed-api");
        var feedBase = Read("feed-baseline");
        var detailApi = Read("detail-api");
        var detailBase = Read("detail-baseline");
        var writes = File.ReadAllLines(Path.Combine(directory, "detail-writes.txt"))
            .Select(l => l.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| run | requests/s | p50 ms | p99 ms | errors | server CPU ms/request | requests/s per round |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in new[] { feedApi, feedBase, detailApi, detailBase })
        {
            var rounds = string.Join(", ", r.RoundRequestsPerSecond.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} · {r.Target} | {r.RequestsPerSecond:F0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.Errors} | {r.CpuMsPerRequest:F2} | {rounds} |");
        }

        var feedThroughput = feedApi.RequestsPerSecond / feedBase.RequestsPerSecond;
        var feedTail = feedApi.P99Ms / feedBase.P99Ms;
        var detailThroughput = detailApi.RequestsPerSecond / detailBase.RequestsPerSecond;
        // Every detail read the Api served counts, warm-up included: all of them could have caused writes.
        var statementsPerRead = writes["write_statements"] / detailApi.Sent;
        var rowsPerRead = writes["rows_written"] / detailApi.Sent;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{feedApi.Rounds} interleaved rounds of {feedApi.Seconds / feedApi.Rounds:F0} s per target and scenario, {feedApi.Concurrency} concurrent requests; " +
            $"{detailApi.Sent} detail reads sent to the Api, {writes["write_statements"]:F0} write statements and {writes["rows_written"]:F0} rows written meanwhile.");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| feed throughput ≥ 0.6 × baseline | {feedThroughput:F2} | {Met(feedThroughput >= 0.6)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| feed p99 ≤ 1.5 × baseline p99 | {feedTail:F2} | {Met(feedTail <= 1.5)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| detail throughput ≥ 0.5 × single-row baseline | {detailThroughput:F2} | {Met(detailThroughput >= 0.5)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| database write statements per detail read ≤ 0.05 | {statementsPerRead:F5} | {Met(statementsPerRead <= 0.05)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (rows updated per detail read, for information) | {rowsPerRead:F4} | |");
        var report = text.ToString();
        File.WriteAllText(Path.Combine(directory, "report.md"), report);
        Console.WriteLine(report);
        return 0;
    }

    private static string Met(bool met) => met ? "yes" : "**no**";
}
