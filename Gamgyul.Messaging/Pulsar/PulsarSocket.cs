using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// One WebSocket to the Pulsar WebSocket service: connects with the token, sends JSON frames one at a time (a
/// WebSocket allows only one send in flight) and reads whole text frames.
/// </summary>
internal sealed class PulsarSocket : IAsyncDisposable
{
    private const int MaxFrameBytes = 8 * 1024 * 1024;
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private PulsarSocket(ClientWebSocket socket) => _socket = socket;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<PulsarSocket> ConnectAsync(Uri uri, PulsarOptions options, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        // Keeps the HTTP status of a refused handshake (401, 403, 404, 409, 500…) for the error message.
        socket.Options.CollectHttpResponseDetails = true;
        if (!string.IsNullOrEmpty(options.Token))
        {
            // The WebSocket service reads the Authorization header first (the ?token= parameter is for browsers).
            socket.Options.SetRequestHeader("Authorization", $"Bearer {options.Token}");
        }

        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            return new PulsarSocket(socket);
        }
        catch (WebSocketException e)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new PulsarConnectException(uri, status, e);
        }
    }

    public async Task SendAsync<T>(T frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, PulsarJson.Options);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole text frame, or null once the connection is closed.</summary>
    public async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"A frame from Pulsar exceeded {MaxFrameBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                // Binary frames are not part of the JSON protocol; ignore them rather than fail.
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(buffer.WrittenSpan) : string.Empty;
            }
        }
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>Drops the connection without a close handshake, as a crash would.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>
    /// Starts the close handshake. The caller keeps receiving until the server's close frame arrives: cancelling a
    /// pending receive would abort the connection, and with it frames (acks) the server has not read yet.
    /// </summary>
    public async Task CloseAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already broken: nothing more to say to the broker.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
