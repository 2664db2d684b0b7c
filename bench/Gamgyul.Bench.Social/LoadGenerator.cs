using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Gamgyul.Bench.Social;

/// <summary>
/// Closed-loop HTTP load from its own process, against the Api and the baseline in turn: each of
/// <c>--rounds</c> rounds runs a window on each target (baseline first in even rounds, the Api first in
/// odd ones), <c>--warmup</c> seconds unmeasured then <c>--duration</c> seconds measured, with
/// <c>--concurrency</c> workers sending requests back to back. Before the rounds each target gets
/// <c>--prime</c> seconds of unmeasured load (JIT, connection pools, caches). Interleaving short windows lets both
/// targets see the same share of whatever else the machine is doing. Feed requests go to random users
/// (the Api gets their bearer token); detail requests pick posts by a Zipf law over the posts ordered by
/// likes (popular posts are read most), anonymously.
/// </summary>
public static class LoadGenerator
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var scenario = options.Get("scenario"); // feed | detail
        // --only api|baseline loads one target (for profiling one server); the report needs both.
        var urls = new Dictionary<string, string>
        {
            ["baseline"] = options.Get("baseline").TrimEnd('/'),
            ["api"] = options.Get("api").TrimEnd('/'),
        };
        if (options.Get("only", "") is { Length: > 0 } only)
        {
            urls = urls.Where(u => u.Key == only).ToDictionary();
        }

        var inputs = options.Get("inputs");
        var rounds = options.Int("rounds", 4);
        var concurrency = options.Int("concurrency", 32);
        var warmup = TimeSpan.FromSeconds(options.Double("warmup", 3));
        var duration = TimeSpan.FromSeconds(options.Double("duration", 10));
        var users = File.ReadAllLines(Path.Combine(inputs, "users.txt")).Select(l => l.Split(' ')).ToArray();
        var posts = File.ReadAllLines(Path.Combine(inputs, "posts.txt"));
        var zipf = new Zipf(posts.Length, 1.1, new Random(1));
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { Timeout = TimeSpan.FromSeconds(30) };

        var prime = TimeSpan.FromSeconds(options.Double("prime", 10));
        // --api-pid / --baseline-pid: the servers' CPU time is read around each measured window.
        var pids = urls.Keys.ToDictionary(t => t, t => options.Int(t + "-pid", 0));
        var cpu = urls.Keys.ToDictionary(t => t, _ => 0.0);
        var totals = urls.Keys.ToDictionary(t => t, _ => new Window([], 0, 0, []));
        var primedSent = urls.Keys.ToDictionary(t => t, _ => 0);
        foreach (var target in urls.Keys)
        {
            var primed = await RunWindowAsync(http, target, urls[target], scenario, users, posts, zipf, concurrency, prime, TimeSpan.Zero, -1);
            Console.WriteLine($"load: {scenario} priming {target}: {primed.Sent} requests, {primed.Errors} errors");
            totals[target] = totals[target] with { Sent = primed.Sent };
            primedSent[target] = primed.Sent;
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in (round % 2 == 0 ? new[] { "baseline", "api" } : ["api", "baseline"]).Where(urls.ContainsKey))
            {
                var cpuBefore = ProcessCpu.Seconds(pids[target]);
                var window = await RunWindowAsync(http, target, urls[target], scenario, users, posts, zipf,
                    concurrency, warmup, duration, round);
                cpu[target] += ProcessCpu.Seconds(pids[target]) - cpuBefore;
                var rps = window.Latencies.Count / duration.TotalSeconds;
                Console.WriteLine($"load: {scenario} round {round + 1}/{rounds} {target}: {rps:F0} requests/s, {window.Errors} errors");
                var total = totals[target];
                totals[target] = new Window([.. total.Latencies, .. window.Latencies], total.Errors + window.Errors,
                    total.Sent + window.Sent, [.. total.RoundRates, rps]);
            }
        }

        var outDirectory = options.Get("out");
        foreach (var (target, total) in totals)
        {
            var sorted = total.Latencies.Order().ToArray();
            var result = new LoadResult(target, scenario, concurrency, rounds, rounds * duration.TotalSeconds, sorted.Length,
                total.Errors, total.Sent, sorted.Length / (rounds * duration.TotalSeconds),
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), total.RoundRates,
                pids[target] > 0 ? cpu[target] * 1000 / (total.Sent - primedSent[target]) : null);
            var json = JsonSerializer.Serialize(result, Json);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, $"{scenario}-{target}.json"), json);
            Console.WriteLine(json);
        }

        return totals.Values.Sum(t => t.Errors) == 0 ? 0 : 1;
    }

    /// <summary>One window on one target: latencies of the successful measured requests, errors, and every request sent.</summary>
    private static async Task<Window> RunWindowAsync(HttpClient http, string target, string baseUrl, string scenario,
        string[][] users, string[] posts, Zipf zipf, int concurrency, TimeSpan warmup, TimeSpan duration, int round)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];
        var errors = new int[concurrency];
        var sent = new int[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random((round * 1000 + worker) * 7919 + 1);
            var mine = latencies[worker] = new List<double>(50_000);
            while (true)
            {
                var begin = Stopwatch.GetTimestamp();
                if (begin >= stopAt)
                {
                    return;
                }

                using var request = scenario == "feed"
                    ? FeedRequest(baseUrl, target, users[random.Next(users.Length)])
                    : DetailRequest(baseUrl, target, posts[zipf.Next(random)]);
                var ok = false;
                sent[worker]++;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    if (errors[worker] == 0)
                    {
                        Console.Error.WriteLine($"load: {target}: {exception.GetType().Name}: {exception.Message}");
                    }
                }

                var end = Stopwatch.GetTimestamp();
                if (!ok)
                {
                    errors[worker]++;
                }
                else if (begin >= measureFrom && end <= stopAt)
                {
                    mine.Add((end - begin) * 1000.0 / Stopwatch.Frequency);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new Window([.. latencies.SelectMany(l => l)], errors.Sum(), sent.Sum(), []);
    }

    private static HttpRequestMessage FeedRequest(string baseUrl, string target, string[] user)
    {
        if (target == "baseline")
        {
            return new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/feed?user={user[0]}&page_size=10");
        }

        var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/posts/follows/?page_size=10");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user[1]);
        return request;
    }

    private static HttpRequestMessage DetailRequest(string baseUrl, string target, string post) =>
        new(HttpMethod.Get, target == "baseline" ? $"{baseUrl}/post?id={post}" : $"{baseUrl}/posts/p/{post}/");

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private sealed record Window(List<double> Latencies, int Errors, int Sent, List<double> RoundRates);
}
