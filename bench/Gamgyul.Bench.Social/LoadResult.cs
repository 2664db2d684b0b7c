namespace Gamgyul.Bench.Social;

/// <summary>One load run's figures: throughput and latency percentiles in milliseconds.</summary>
/// <remarks>
/// <c>Requests</c> are the measured successful ones; <c>Sent</c> counts every request, warm-up included.
/// <c>CpuMsPerRequest</c>: the server process's CPU time (user + system) over the rounds' windows, per request sent in them.
/// </remarks>
public sealed record LoadResult(string Target, string Scenario, int Concurrency, int Rounds, double Seconds, int Requests,
    int Errors, int Sent, double RequestsPerSecond, double P50Ms, double P99Ms, IReadOnlyList<double> RoundRequestsPerSecond,
    double? CpuMsPerRequest);
