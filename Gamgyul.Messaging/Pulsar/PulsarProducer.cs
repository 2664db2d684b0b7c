using System.Globalization;
using Gamgyul.Messaging.Internal;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// The producer of one topic. A publish completes only with the broker's <c>"result":"ok"</c> receipt; if the
/// connection drops first, the message is sent again on a new connection (at least once) until
/// <see cref="PulsarOptions.PublishTimeout"/>.
/// </summary>
internal sealed partial class PulsarProducer : IAsyncDisposable
{
    private readonly Uri _endpoint;
    private readonly PulsarOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private PulsarProducerConnection? _connection;
    private long _nextContext;
    private Exception? _lastConnectError;
    private bool _disposed;

    public PulsarProducer(Uri endpoint, PulsarOptions options, TimeProvider time, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.PublishTimeout);
        var frame = new ProducerSendFrame(
            Convert.ToBase64String(message.Payload.Span),
            message.Headers,
            Interlocked.Increment(ref _nextContext).ToString(CultureInfo.InvariantCulture),
            message.Key);
        Exception? lastError = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var connection = await ConnectedAsync(deadline.Token).ConfigureAwait(false);
                    var ack = await connection.SendAsync(frame, deadline.Token).ConfigureAwait(false);
                    if (ack.Result == "ok" && !string.IsNullOrEmpty(ack.MessageId))
                    {
                        return ack.MessageId;
                    }

                    // send-error:N is the broker's verdict on this message; sending it again would not change it.
                    throw new MessageBusException($"Pulsar refused the message ({ack.Result}): {ack.ErrorMsg}");
                }
                catch (PulsarConnectionLostException e)
                {
                    lastError = e;
                    LogResend(_logger, _endpoint.AbsolutePath, e.Message);
                    await Task.Delay(Backoff.Delay(attempt, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, jitter: true),
                        _time, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var cause = lastError ?? _lastConnectError;
            throw new MessageBusException(
                $"Pulsar did not confirm the message within {_options.PublishTimeout}: {cause?.Message ?? "no receipt"}", cause!);
        }
    }

    /// <summary>Drops the connection without a close handshake (tests simulate a crash with it).</summary>
    public void Abort() => _connection?.Abort();

    public async ValueTask DisposeAsync()
    {
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task<PulsarProducerConnection> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsAlive: true } current)
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsAlive: true } alive)
            {
                return alive;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var socket = await PulsarSocket.ConnectAsync(_endpoint, _options, cancellationToken).ConfigureAwait(false);
                    _connection = new PulsarProducerConnection(socket, _logger);
                    _lastConnectError = null;
                    return _connection;
                }
                catch (PulsarConnectException e)
                {
                    _lastConnectError = e;
                    LogConnectFailed(_logger, e.Message, attempt);
                    await Task.Delay(Backoff.Delay(attempt, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, jitter: true),
                        _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulsar producer connection failed: {Error} (attempt {Attempt}); retrying")]
    private static partial void LogConnectFailed(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resending a message to {Endpoint} that was not confirmed: {Error}")]
    private static partial void LogResend(ILogger logger, string endpoint, string error);
}
