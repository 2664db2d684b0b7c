using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gamgyul.Messaging.Redis;

/// <summary>
/// The bus over Redis Streams: one stream per topic, a consumer group per durable subscription and one group per
/// node for broadcast. Used in local mode and small deployments.
/// </summary>
/// <remarks>
/// "Confirmed" means Redis answered the XADD: the entry is in the server's memory. It survives a Redis restart
/// only with persistence (AOF) enabled on the server.
/// </remarks>
internal sealed class RedisMessageBus : IMessageBus
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisStreamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<RedisStreamConsumer, byte> _consumers = new();
    private readonly ConcurrentDictionary<string, long> _lastTrimTicks = new(StringComparer.Ordinal);
    private readonly StreamWakeUps _wakeUps;
    private int _disposed;

    public RedisMessageBus(IConnectionMultiplexer redis, RedisStreamsOptions options, string nodeId,
        ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        options.Validate();
        _redis = redis;
        _options = options;
        NodeId = nodeId;
        _loggerFactory = loggerFactory;
        _time = time ?? TimeProvider.System;
        _wakeUps = new StreamWakeUps(redis);
    }

    public string NodeId { get; }

    public async Task<PublishReceipt> PublishAsync(string topic, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var key = StreamKey(topic);
        var db = _redis.GetDatabase();
        RedisValue id;
        try
        {
            id = await db.StreamAddAsync(key, RedisStreamEntries.ToFields(message), messageId: null,
                maxLength: _options.MaxLength, useApproximateMaxLength: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new MessageBusException($"Redis did not store the message for topic '{topic}': {e.Message}", e);
        }

        // Wakes sleeping consumers at once; if the wake-up is lost they still find the entry on their next poll.
        _wakeUps.Wake(NotifyChannel(key));
        TrimByAgeIfDue(db, key);
        return new PublishReceipt(topic, id.ToString());
    }

    public async Task<IMessageConsumer> SubscribeAsync(string topic, SubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        Topics.Validate(topic);
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var consumer = new RedisStreamConsumer(_redis, _options, topic, StreamKey(topic), options, NodeId, _time,
            _loggerFactory.CreateLogger<RedisStreamConsumer>(), c => _consumers.TryRemove(c, out _));
        try
        {
            await consumer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
            throw new MessageBusException($"Could not subscribe to '{topic}' as '{options.Name}': {e.Message}", e);
        }

        _consumers.TryAdd(consumer, 0);
        return consumer;
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
    }

    internal RedisKey StreamKey(string topic) => _options.KeyPrefix + topic;

    internal static RedisChannel NotifyChannel(RedisKey streamKey) => RedisChannel.Literal($"{(string?)streamKey}:notify");

    private void TrimByAgeIfDue(IDatabase db, RedisKey key)
    {
        if (_options.MaxAge is not { } maxAge)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var last = _lastTrimTicks.GetOrAdd(key!, 0);
        if (now.UtcTicks - last < _options.TrimInterval.Ticks || !_lastTrimTicks.TryUpdate(key!, now.UtcTicks, last))
        {
            return;
        }

        // Exact (not "~") trimming: approximate MINID only drops whole internal nodes and would keep old entries of a
        // quiet stream forever. Once a minute per stream the exact cost does not matter.
        var minId = $"{(now - maxAge).ToUnixTimeMilliseconds()}-0";
        _ = db.StreamTrimByMinIdAsync(key, minId, useApproximateMaxLength: false, flags: CommandFlags.FireAndForget);
    }
}
