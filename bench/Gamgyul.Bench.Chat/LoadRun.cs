using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gamgyul.Bench.Chat;

/// <summary>What one run measured.</summary>
internal sealed record LoadResult(long Delivered, double Seconds, double[] LatenciesMs)
{
    public double PerSecond => Delivered / Seconds;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1)];
}

/// <summary>
/// Closed-loop load, identical for both servers: each sender keeps <c>window</c> messages in flight (a slot is freed
/// when its own message comes back to it), every member's socket counts the <c>message.new</c> frames it receives,
/// and end-to-end latency is receive time minus the send time written into the text (same process, same clock).
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(IReadOnlyList<ClientWebSocket> sockets, IReadOnlyList<(int Socket, Guid Room)> senders,
        int window, TimeSpan warmup, TimeSpan duration)
    {
        var measuring = 0;
        var stop = new CancellationTokenSource();
        var slots = senders.Select(_ => new SemaphoreSlim(window)).ToArray();
        var delivered = new long[sockets.Count];
        var samples = sockets.Select(_ => new List<double>(1 << 16)).ToArray();

        var receivers = sockets.Select((socket, index) => Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var result = await socket.ReceiveAsync(buffer, stop.Token);
                    var now = Stopwatch.GetTimestamp();
                    if (!TryReadBenchText(buffer.AsSpan(0, result.Count), out var sender, out var sentAt))
                    {
                        continue; // acks and other frames
                    }

                    if (Volatile.Read(ref measuring) == 1)
                    {
                        delivered[index]++;
                        samples[index].Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
                    }

                    if (senders[sender].Socket == index)
                    {
                        slots[sender].Release();
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        })).ToArray();

        var sending = senders.Select((sender, index) => Task.Run(async () =>
        {
            var socket = sockets[sender.Socket];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await slots[index].WaitAsync(stop.Token);
                    var frame = JsonSerializer.SerializeToUtf8Bytes(new
                    {
                        type = "message.send",
                        room_id = sender.Room,
                        text = $"bench:{index}:{Stopwatch.GetTimestamp()}",
                    });
                    // Each sender has its own socket, so this is the socket's only writer.
                    await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        })).ToArray();

        await Task.Delay(warmup);
        Volatile.Write(ref measuring, 1);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 0);
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        // Aborting disposes the sockets: a sender caught between its slot and its send sees ObjectDisposedException.
        foreach (var socket in sockets)
        {
            socket.Abort();
        }

        await Task.WhenAll(receivers.Concat(sending));
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new LoadResult(delivered.Sum(), seconds, all);
    }

    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"text\":\"bench:");

    /// <summary>Finds <c>"text":"bench:{sender}:{timestamp}"</c> in a frame without a full parse (same cost for both servers).</summary>
    private static bool TryReadBenchText(ReadOnlySpan<byte> frame, out int sender, out long sentAt)
    {
        sender = 0;
        sentAt = 0;
        if (frame.IndexOf("message.new"u8) < 0)
        {
            return false;
        }

        var at = frame.IndexOf(Marker);
        if (at < 0)
        {
            return false;
        }

        var rest = frame[(at + Marker.Length)..];
        return Utf8Parser.TryParse(rest, out sender, out var used) && rest[used] == (byte)':'
            && Utf8Parser.TryParse(rest[(used + 1)..], out sentAt, out _);
    }
}
