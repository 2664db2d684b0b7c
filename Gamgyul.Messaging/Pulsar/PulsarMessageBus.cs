using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>
/// The bus over Apache Pulsar's WebSocket API: one producer socket per topic, one socket per consumer; topics and
/// durable subscriptions are created through the admin REST API (see <see cref="PulsarOptions.ManageTopology"/>).
/// </summary>
internal sealed partial class PulsarMessageBus : IMessageBus
{
    private readonly PulsarOptions _options;
    private readonly PulsarAdminClient _admin;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PulsarProducer> _producers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PulsarConsumer, byte> _consumers = new();
    private readonly ConcurrentDictionary<string, Task> _topology = new(StringComparer.Ordinal);
    private int _disposed;

    public PulsarMessageBus(PulsarOptions options, string nodeId, HttpClient adminHttp, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        options.Validate();
        _options = options;
        NodeId = nodeId;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PulsarMessageBus>();
        _admin = new PulsarAdminClient(adminHttp, options, loggerFactory.CreateLogger<PulsarAdminClient>());
        _time = time ?? TimeProvider.System;
    }

    public string NodeId { get; }

    public async Task<PublishReceipt> PublishAsync(string topic, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await EnsureTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        var producer = _producers.GetOrAdd(topic, t => new PulsarProducer(
            new Uri(_options.WebSocketBase, $"ws/v2/producer/{PulsarTopicOf(t).Path}"), _options, _time,
            _loggerFactory.CreateLogger<PulsarProducer>()));
        var id = await producer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new PublishReceipt(topic, id);
    }

    public async Task<IMessageConsumer> SubscribeAsync(string topic, SubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await EnsureTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        if (options.Kind == SubscriptionKind.Durable && _options.ManageTopology)
        {
            await TryAdminAsync(ct => _admin.EnsureSubscriptionAsync(PulsarTopicOf(topic), options.Name, ct),
                $"subscription {options.Name} on {topic}", cancellationToken).ConfigureAwait(false);
        }

        var consumer = new PulsarConsumer(PulsarTopicOf(topic), topic, _options, options, NodeId, _time,
            _loggerFactory.CreateLogger<PulsarConsumer>(), c => _consumers.TryRemove(c, out _));
        _consumers.TryAdd(consumer, 0);
        try
        {
            await consumer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return consumer;
    }

    /// <summary>Creates the namespace (with retention) and the given topics; run once at start-up.</summary>
    public async Task EnsureTopologyAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            await EnsureTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops every connection without closing it and stops, as if the process had died (for tests).</summary>
    internal void Crash()
    {
        foreach (var consumer in _consumers.Keys)
        {
            consumer.Crash();
        }

        foreach (var producer in _producers.Values)
        {
            producer.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var consumer in _consumers.Keys)
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var producer in _producers.Values)
        {
            await producer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private PulsarTopic PulsarTopicOf(string topic) => new(_options.Tenant, _options.Namespace, topic);

    private Task EnsureTopicAsync(string topic, CancellationToken cancellationToken)
    {
        if (!_options.ManageTopology)
        {
            return Task.CompletedTask;
        }

        // Once per topic per process; a failure is not cached, so the next use tries again.
        var task = _topology.GetOrAdd(topic, t => TryAdminAsync(async ct =>
        {
            await _topology.GetOrAdd("\0namespace", _ => _admin.EnsureNamespaceAsync(CancellationToken.None)).ConfigureAwait(false);
            await _admin.EnsureTopicAsync(PulsarTopicOf(t), ct).ConfigureAwait(false);
        }, $"topic {t}", CancellationToken.None, onFailure: () =>
        {
            _topology.TryRemove(t, out _);
            _topology.TryRemove("\0namespace", out _);
        }));
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Admin failures are logged, not thrown: the broker may auto-create topics and subscriptions, and an operator
    /// may manage them; publishing and consuming then still work, with a warning to look at.
    /// </summary>
    private async Task TryAdminAsync(Func<CancellationToken, Task> call, string what, CancellationToken cancellationToken, Action? onFailure = null)
    {
        try
        {
            await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or MessageBusException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            onFailure?.Invoke();
            LogAdminFailed(_logger, what, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulsar admin could not ensure {What}: {Error}")]
    private static partial void LogAdminFailed(ILogger logger, string what, string error);
}
