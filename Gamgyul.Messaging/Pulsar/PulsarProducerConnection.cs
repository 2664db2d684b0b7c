using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// One producer WebSocket: sends are pipelined, each waiting for the ack frame that echoes its <c>context</c>.
/// When the socket dies every waiting send fails with <see cref="PulsarConnectionLostException"/>.
/// </summary>
internal sealed partial class PulsarProducerConnection : IAsyncDisposable
{
    private readonly PulsarSocket _socket;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ProducerAckFrame>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiveLoop;
    private volatile bool _dead;

    public PulsarProducerConnection(PulsarSocket socket, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public bool IsAlive => !_dead && _socket.IsOpen;

    public async Task<ProducerAckFrame> SendAsync(ProducerSendFrame frame, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<ProducerAckFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[frame.Context] = waiter;
        try
        {
            if (_dead)
            {
                throw new PulsarConnectionLostException("The producer connection is closed.");
            }

            try
            {
                await _socket.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                throw new PulsarConnectionLostException($"Sending failed: {e.Message}");
            }

            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting.TryRemove(frame.Context, out _);
        }
    }

    public void Abort()
    {
        _socket.Abort();
    }

    /// <summary>Closes politely: close frame first, then wait (briefly) for the server's answer before letting go.</summary>
    public async ValueTask DisposeAsync()
    {
        await _socket.CloseAsync().ConfigureAwait(false);
        try
        {
            await _receiveLoop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _closing.CancelAsync().ConfigureAwait(false);
            await _receiveLoop.ConfigureAwait(false);
        }

        await _socket.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        var reason = "closed";
        try
        {
            while (true)
            {
                var text = await _socket.ReceiveTextAsync(_closing.Token).ConfigureAwait(false);
                if (text is null)
                {
                    reason = $"closed by the server ({_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    break;
                }

                Complete(text);
            }
        }
        catch (Exception e)
        {
            reason = e.Message;
        }
        finally
        {
            _dead = true;
            foreach (var waiter in _waiting.Values)
            {
                waiter.TrySetException(new PulsarConnectionLostException($"The producer connection was lost: {reason}"));
            }
        }
    }

    private void Complete(string text)
    {
        ProducerAckFrame? ack;
        try
        {
            ack = JsonSerializer.Deserialize<ProducerAckFrame>(text, PulsarJson.Options);
        }
        catch (JsonException)
        {
            ack = null;
        }

        if (ack?.Context is { } context && _waiting.TryGetValue(context, out var waiter))
        {
            waiter.TrySetResult(ack);
        }
        else
        {
            LogUnexpectedFrame(_logger, text.Length > 200 ? text[..200] : text);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a Pulsar producer frame that answers no pending send: {Frame}")]
    private static partial void LogUnexpectedFrame(ILogger logger, string frame);
}
