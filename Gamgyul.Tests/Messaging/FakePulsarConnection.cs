using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The server side of one WebSocket in the fake Pulsar service: frames to the client go through a queue and a
/// single writer, so the broker can "send" while holding its lock and frames keep their order.
/// </summary>
internal sealed class FakePulsarConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>();
    private readonly Task _writer;

    public FakePulsarConnection(WebSocket socket, string kind, string path, IReadOnlyDictionary<string, string> query)
    {
        _socket = socket;
        Kind = kind;
        Path = path;
        Query = query;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>producer, consumer or reader.</summary>
    public string Kind { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public int QueueSize => Query.TryGetValue("receiverQueueSize", out var size) ? int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) : 1000;

    /// <summary>Messages sent to this consumer or reader and not yet acknowledged (flow control).</summary>
    public int Outstanding { get; set; }

    public void Send(string frame) => _outgoing.Writer.TryWrite(frame);

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        _outgoing.Writer.TryComplete();
        _socket.Abort();
    }

    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        _outgoing.Writer.TryComplete();
        await _writer;
        try
        {
            await _socket.CloseOutputAsync(status, description, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    public async Task FinishAsync()
    {
        _outgoing.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync())
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away; the read side notices and cleans up.
        }
    }
}
