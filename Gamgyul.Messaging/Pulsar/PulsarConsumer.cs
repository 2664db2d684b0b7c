using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Gamgyul.Messaging.Internal;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// A subscription over one WebSocket that is reopened with backoff whenever it drops. Durable subscriptions use
/// the consumer endpoint (acks and nacks go to the broker); broadcast subscriptions use a reader, which is a
/// non-durable subscription that vanishes with the node and resumes after the last message it saw.
/// </summary>
internal sealed partial class PulsarConsumer : IMessageConsumer
{
    private readonly PulsarTopic _topic;
    private readonly PulsarOptions _options;
    private readonly SubscriptionOptions _subscription;
    private readonly string _nodeId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<PulsarConsumer> _onDisposed;
    private readonly bool _broadcast;
    private readonly Channel<Delivery> _buffer = Channel.CreateUnbounded<Delivery>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PulsarSocket? _socket;
    private long _session;
    private string? _lastSeenMessageId;
    private Task _loop = Task.CompletedTask;
    private int _disposed;
    private volatile bool _closing;

    public PulsarConsumer(PulsarTopic topic, string gamgyulTopic, PulsarOptions options, SubscriptionOptions subscription,
        string nodeId, TimeProvider time, ILogger logger, Action<PulsarConsumer> onDisposed)
    {
        _topic = topic;
        Topic = gamgyulTopic;
        _options = options;
        _subscription = subscription;
        _nodeId = nodeId;
        _time = time;
        _logger = logger;
        _onDisposed = onDisposed;
        _broadcast = subscription.Kind == SubscriptionKind.Broadcast;
        SubscriptionName = _broadcast ? $"{subscription.Name}.{nodeId}" : subscription.Name;
    }

    public string Topic { get; }

    public string SubscriptionName { get; }

    /// <summary>Opens the first connection before returning, so nothing published after subscribing is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        await _firstConnection.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            while (true)
            {
                var delivery = await _buffer.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                // A durable consumer's unacknowledged messages go back to the subscription when its connection drops,
                // and the broker sends them again; the copies still buffered from the old connection are stale.
                if (_broadcast || delivery.Session == Interlocked.Read(ref _session))
                {
                    return delivery.Message;
                }
            }
        }
        catch (ChannelClosedException)
        {
            throw new OperationCanceledException("The consumer was disposed.");
        }
    }

    public async IAsyncEnumerable<ReceivedMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            yield return await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task AcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default) =>
        // The reader needs acks too: they are its flow control.
        SendBestEffortAsync(new AckFrame(message.MessageId), cancellationToken);

    public Task NegativeAcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        if (!_broadcast)
        {
            return SendBestEffortAsync(new NegativeAckFrame(message.MessageId), cancellationToken);
        }

        // A reader has no broker-side redelivery: the node keeps the message and offers it again after the delay.
        _ = RedeliverLocallyAsync(message with { RedeliveryCount = message.RedeliveryCount + 1 });
        return Task.CompletedTask;
    }

    /// <summary>Drops the connection without a close handshake and stops, as a crash would (for tests).</summary>
    public void Crash()
    {
        _socket?.Abort();
        _stopping.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Close frame first and keep reading until the server answers, so acks already sent are not lost with an
        // aborted connection; then the broker hands this consumer's unacknowledged messages to the others at once.
        _closing = true;
        if (_socket is { } socket)
        {
            await socket.CloseAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The server did not answer the close: stop waiting for it.
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _firstConnection.TrySetCanceled();
        _buffer.Writer.TryComplete();
        _onDisposed(this);
    }

    private async Task RunAsync()
    {
        var attempt = 0;
        while (!_stopping.IsCancellationRequested && !_closing)
        {
            PulsarSocket socket;
            try
            {
                socket = await PulsarSocket.ConnectAsync(Endpoint(), _options, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                attempt++;
                LogConnectFailed(_logger, Topic, SubscriptionName, e.Message, attempt);
                if (!await DelayAsync(Backoff.Delay(attempt, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, jitter: true)).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            attempt = 0;
            _socket = socket;
            _firstConnection.TrySetResult();
            var reason = await ReceiveUntilClosedAsync(socket).ConfigureAwait(false);
            // From here on, what is still buffered from this connection is stale (see ReceiveAsync).
            Interlocked.Increment(ref _session);
            _socket = null;
            await socket.DisposeAsync().ConfigureAwait(false);
            if (!_stopping.IsCancellationRequested && !_closing)
            {
                LogDisconnected(_logger, Topic, SubscriptionName, reason);
                // Back off even after a good connection: a broker that accepts and drops at once must not be hammered.
                if (!await DelayAsync(_options.ReconnectMinDelay).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    private async Task<string> ReceiveUntilClosedAsync(PulsarSocket socket)
    {
        try
        {
            while (true)
            {
                var text = await socket.ReceiveTextAsync(_stopping.Token).ConfigureAwait(false);
                if (text is null)
                {
                    return $"closed by the server ({socket.CloseStatus} {socket.CloseStatusDescription})";
                }

                if (Parse(text) is { } message)
                {
                    if (_broadcast)
                    {
                        _lastSeenMessageId = message.MessageId;
                    }

                    _buffer.Writer.TryWrite(new Delivery(message, Interlocked.Read(ref _session)));
                }
            }
        }
        catch (Exception e)
        {
            // Cancelled, aborted, reset, or an unexpected failure: whatever it was, this connection is finished.
            return _stopping.IsCancellationRequested ? "stopping" : e.Message;
        }
    }

    private ReceivedMessage? Parse(string text)
    {
        try
        {
            var frame = JsonSerializer.Deserialize<ConsumerMessageFrame>(text, PulsarJson.Options);
            if (frame?.MessageId is { Length: > 0 } id && frame.Payload is { } payload)
            {
                var publishedAt = DateTimeOffset.TryParse(frame.PublishTime, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : _time.GetUtcNow();
                return new ReceivedMessage(Topic, id, frame.Key ?? string.Empty, Convert.FromBase64String(payload),
                    frame.Properties ?? new Dictionary<string, string>(), publishedAt, frame.RedeliveryCount);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // Falls through to the warning below.
        }

        // Not a message (e.g. an endOfTopic answer) or malformed: never worth dropping the connection for.
        LogIgnoredFrame(_logger, Topic, text.Length > 200 ? text[..200] : text);
        return null;
    }

    private async Task SendBestEffortAsync<T>(T frame, CancellationToken cancellationToken)
    {
        if (_socket is not { } socket)
        {
            // Disconnected: the broker will deliver the message again, which at-least-once consumers tolerate.
            return;
        }

        try
        {
            await socket.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogAckLost(_logger, Topic, SubscriptionName, e.Message);
        }
    }

    private async Task RedeliverLocallyAsync(ReceivedMessage message)
    {
        if (await DelayAsync(_options.NegativeAckDelay).ConfigureAwait(false))
        {
            _buffer.Writer.TryWrite(new Delivery(message, Interlocked.Read(ref _session)));
        }
    }

    private Uri Endpoint()
    {
        var query = new List<string> { $"receiverQueueSize={_subscription.PrefetchCount}" };
        string path;
        if (_broadcast)
        {
            path = $"ws/v2/reader/{_topic.Path}";
            query.Add($"readerName={Uri.EscapeDataString(SubscriptionName)}");
            // Reconnects resume right after the last message seen (the reader's start position is exclusive).
            query.Add($"messageId={Uri.EscapeDataString(_lastSeenMessageId ?? "latest")}");
        }
        else
        {
            path = $"ws/v2/consumer/{_topic.Path}/{PulsarTopic.Escape(SubscriptionName)}";
            query.Add($"subscriptionType={PulsarTopic.WireName(_options.DurableSubscriptionType)}");
            query.Add($"consumerName={Uri.EscapeDataString(_nodeId)}");
            query.Add($"negativeAckRedeliveryDelay={(long)_options.NegativeAckDelay.TotalMilliseconds}");
        }

        return new Uri(_options.WebSocketBase, $"{path}?{string.Join('&', query)}");
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Delivery(ReceivedMessage Message, long Session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulsar consumer {Topic}/{Subscription} could not connect: {Error} (attempt {Attempt}); retrying")]
    private static partial void LogConnectFailed(ILogger logger, string topic, string subscription, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulsar consumer {Topic}/{Subscription} disconnected: {Reason}; reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string topic, string subscription, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a frame on {Topic} that is not a message: {Frame}")]
    private static partial void LogIgnoredFrame(ILogger logger, string topic, string frame);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An ack for {Topic}/{Subscription} was lost with the connection ({Error}); the broker will redeliver")]
    private static partial void LogAckLost(ILogger logger, string topic, string subscription, string error);
}
