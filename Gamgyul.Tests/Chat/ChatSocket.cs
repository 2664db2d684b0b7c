using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gamgyul.Tests.Chat;

/// <summary>A real WebSocket client of the gateway that keeps every frame it receives, for waiting and checking.</summary>
internal sealed class ChatSocket : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;
    private readonly List<JsonElement> _frames = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _receiving;

    private ChatSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public WebSocketState State => _socket.State;

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<ChatSocket> ConnectAsync(Uri uri, string? token, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        configure?.Invoke(socket.Options);
        await socket.ConnectAsync(uri, CancellationToken.None);
        return new ChatSocket(socket);
    }

    /// <summary>The HTTP status a refused handshake got.</summary>
    public static async Task<int> RefusedStatusAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        return (int)socket.HttpStatusCode;
    }

    public Task SendAsync(object frame) => SendRawAsync(JsonSerializer.Serialize(frame));

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The first frame received (earlier or later) that matches and was not taken before.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (true)
        {
            lock (_frames)
            {
                var index = _frames.FindIndex(f => match(f));
                if (index >= 0)
                {
                    var frame = _frames[index];
                    _frames.RemoveAt(index);
                    return frame;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                lock (_frames)
                {
                    throw new TimeoutException($"No matching frame; received: {string.Join("\n", _frames.Select(f => f.GetRawText()))}");
                }
            }
        }
    }

    public Task<JsonElement> WaitForTypeAsync(string type, TimeSpan? within = null) =>
        WaitForAsync(f => f.TryGetProperty("type", out var t) && t.GetString() == type, within);

    /// <summary>The <c>message.new</c> frame with this text.</summary>
    public Task<JsonElement> WaitForMessageAsync(string text) => WaitForAsync(f => IsMessage(f) && Text(f) == text);

    /// <summary>Every frame received so far and not taken (for checking what did not arrive).</summary>
    public JsonElement[] Received()
    {
        lock (_frames)
        {
            return [.. _frames];
        }
    }

    public static bool IsMessage(JsonElement frame) =>
        frame.TryGetProperty("type", out var t) && t.GetString() == "message.new";

    public static string? Text(JsonElement frame) => frame.GetProperty("message").GetProperty("text").GetString();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Abort();
        await _receiving;
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                lock (_frames)
                {
                    _frames.Add(frame);
                }

                _arrived.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
