using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gamgyul.Tests.Social;

/// <summary>
/// Counts the SQL commands the Api runs for requests sent with <see cref="Send"/>: Npgsql traces every
/// command as an activity, and a request that carries our own trace id (<c>traceparent</c>) makes the
/// server's activities, Npgsql's included, part of that trace. Other tests running in parallel have other
/// trace ids, so they do not disturb the count.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _commands = new();

    public SqlCommandCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && _commands.TryGetValue(activity.TraceId, out var commands))
                {
                    commands.Enqueue((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName).ToString()!);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Sends a GET and returns the response with the SQL commands it ran.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> Send(HttpClient client, string url)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var commands = _commands.GetOrAdd(traceId, _ => new ConcurrentQueue<string>());
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return (response, commands.ToArray());
    }

    public void Dispose() => _listener.Dispose();
}
