namespace Gamgyul.Bench.Social;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s (a power law).</summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;
    private readonly Random _random;

    public Zipf(int n, double s, Random random)
    {
        _random = random;
        _cumulative = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, s);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Next() => Next(_random);

    /// <summary>A draw with the caller's generator, so threads can share one table.</summary>
    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
