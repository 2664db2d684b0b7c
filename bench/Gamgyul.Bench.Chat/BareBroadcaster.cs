using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Bench.Chat;

/// <summary>
/// The yardstick: an in-process WebSocket broadcaster with no bus, no database and no checks. A socket joins the
/// rooms named in its query string; a frame <c>{"room_id","text"}</c> is written to every socket of the room as
/// <c>message.new</c>, through one writer queue per socket (as any correct WebSocket server must).
/// </summary>
internal sealed class BareBroadcaster : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<byte[]>, byte>> _rooms = new();
    private readonly WebApplication _app;

    public BareBroadcaster(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/ws", HandleAsync);
        Uri = new Uri($"ws://127.0.0.1:{port}/ws");
    }

    public Uri Uri { get; }

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var rooms = context.Request.Query["rooms"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray();
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        foreach (var room in rooms)
        {
            _rooms.GetOrAdd(room, _ => new()).TryAdd(outbox, 0);
        }

        var writer = Task.Run(async () =>
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync())
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        });
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                var room = document.RootElement.GetProperty("room_id").GetGuid();
                var text = document.RootElement.GetProperty("text").GetString();
                var frame = JsonSerializer.SerializeToUtf8Bytes(new { type = "message.new", message = new { room_id = room, text } });
                if (_rooms.TryGetValue(room, out var members))
                {
                    foreach (var member in members.Keys)
                    {
                        member.Writer.TryWrite(frame);
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            foreach (var room in rooms)
            {
                _rooms[room].TryRemove(outbox, out _);
            }

            outbox.Writer.TryComplete();
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
