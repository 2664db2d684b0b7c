namespace Gamgyul.Bench;

/// <summary>Percentiles of a set of measured durations.</summary>
internal sealed class LatencyStats(IEnumerable<TimeSpan> samples)
{
    private readonly double[] _milliseconds = [.. samples.Select(s => s.TotalMilliseconds).Order()];

    public double Percentile(double p) =>
        _milliseconds.Length == 0 ? double.NaN : _milliseconds[Math.Min(_milliseconds.Length - 1, (int)Math.Ceiling(p / 100 * _milliseconds.Length) - 1)];

    public override string ToString() =>
        $"p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms, max {Percentile(100):F2} ms";
}
