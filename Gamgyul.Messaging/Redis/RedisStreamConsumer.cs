using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gamgyul.Messaging.Internal;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gamgyul.Messaging.Redis;

/// <summary>
/// One consumer of a stream's consumer group. A background loop reads new entries (XREADGROUP), takes over entries
/// that other consumers left idle or that were negatively acknowledged (XAUTOCLAIM), and keeps the group tidy.
/// </summary>
internal sealed partial class RedisStreamConsumer : IMessageConsumer
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisStreamsOptions _options;
    private readonly RedisKey _key;
    private readonly RedisKey _broadcastRegistry;
    private readonly RedisChannel _notifyChannel;
    private readonly string _consumerName;
    private readonly bool _broadcast;
    private readonly int _prefetch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<RedisStreamConsumer> _onDisposed;
    private readonly Channel<ReceivedMessage> _buffer = Channel.CreateUnbounded<ReceivedMessage>();
    // Entries this consumer fetched and has not yet acknowledged or handed back: buffered or with the application.
    private readonly ConcurrentDictionary<string, byte> _unacked = new(StringComparer.Ordinal);
    private readonly WakeSignal _wake = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<RedisChannel, RedisValue> _onNotify;
    private long _nextSweepTicks;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public RedisStreamConsumer(IConnectionMultiplexer redis, RedisStreamsOptions options, string topic, RedisKey key,
        SubscriptionOptions subscription, string nodeId, TimeProvider time, ILogger logger, Action<RedisStreamConsumer> onDisposed)
    {
        _redis = redis;
        _options = options;
        Topic = topic;
        _key = key;
        _broadcastRegistry = $"{(string?)key}:broadcast-groups";
        _notifyChannel = RedisMessageBus.NotifyChannel(key);
        _broadcast = subscription.Kind == SubscriptionKind.Broadcast;
        SubscriptionName = _broadcast ? $"{subscription.Name}.{nodeId}" : subscription.Name;
        _consumerName = nodeId;
        _prefetch = subscription.PrefetchCount;
        _time = time;
        _logger = logger;
        _onDisposed = onDisposed;
        _onNotify = (_, _) => _wake.Set();
    }

    public string Topic { get; }

    public string SubscriptionName { get; }

    private IDatabase Db => _redis.GetDatabase();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureGroupAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_broadcast)
        {
            await Db.SortedSetAddAsync(_broadcastRegistry, SubscriptionName, NowMs()).ConfigureAwait(false);
        }

        await _redis.GetSubscriber().SubscribeAsync(_notifyChannel, _onNotify).ConfigureAwait(false);
        // The first sweep runs at once: whatever a crashed predecessor left idle is taken over right away.
        Interlocked.Exchange(ref _nextSweepTicks, _time.GetUtcNow().UtcTicks);
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    public async ValueTask<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            var message = await _buffer.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            _wake.Set(); // room in the buffer: the loop may fetch more
            return message;
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
        AcknowledgeAsync([message], cancellationToken);

    /// <summary>One XACK for all of them.</summary>
    public async Task AcknowledgeAsync(IReadOnlyCollection<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var ids = new RedisValue[messages.Count];
        var index = 0;
        foreach (var message in messages)
        {
            _unacked.TryRemove(message.MessageId, out _);
            ids[index++] = message.MessageId;
        }

        try
        {
            await Db.StreamAcknowledgeAsync(_key, SubscriptionName, ids).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new MessageBusException($"Could not acknowledge {messages.Count} message(s) on '{Topic}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Redis has no nack: the entry stays pending, and its idle time is set so that it becomes claimable after
    /// <see cref="RedisStreamsOptions.NegativeAckDelay"/>; the next sweep of any consumer of the group takes it.
    /// </summary>
    public async Task NegativeAcknowledgeAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        if (!_unacked.TryRemove(message.MessageId, out _))
        {
            return;
        }

        try
        {
            await ReleaseAsync([message.MessageId], _options.ClaimIdleTime - _options.NegativeAckDelay)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new MessageBusException($"Could not hand back {message.MessageId} on '{Topic}': {e.Message}", e);
        }

        var due = (_time.GetUtcNow() + _options.NegativeAckDelay).UtcTicks;
        InterlockedMin(ref _nextSweepTicks, due);
        _wake.Set();
    }

    /// <summary>
    /// Graceful stop: no more fetching; unacknowledged entries are made claimable at once for the rest of the group;
    /// a broadcast group is destroyed, since no one else will ever read it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _buffer.Writer.TryComplete();
        try
        {
            await _redis.GetSubscriber().UnsubscribeAsync(_notifyChannel, _onNotify).ConfigureAwait(false);
            if (_broadcast)
            {
                await Db.StreamDeleteConsumerGroupAsync(_key, SubscriptionName).ConfigureAwait(false);
                await Db.SortedSetRemoveAsync(_broadcastRegistry, SubscriptionName).ConfigureAwait(false);
            }
            else if (!_unacked.IsEmpty)
            {
                await ReleaseAsync(_unacked.Keys.ToArray(), _options.ClaimIdleTime).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // The connection is gone (the node is going down hard): the claim timeout returns the entries instead.
            LogCleanupFailed(_logger, Topic, SubscriptionName, e.Message);
        }

        _onDisposed(this);
    }

    private async Task RunAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (_time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _nextSweepTicks))
                {
                    Interlocked.Exchange(ref _nextSweepTicks, (_time.GetUtcNow() + _options.SweepInterval).UtcTicks);
                    await SweepAsync().ConfigureAwait(false);
                }

                var room = _prefetch - _buffer.Reader.Count;
                if (room > 0)
                {
                    var entries = await Db.StreamReadGroupAsync(_key, SubscriptionName, _consumerName,
                        StreamPosition.NewMessages, room).ConfigureAwait(false);
                    failures = 0;
                    if (entries.Length > 0)
                    {
                        foreach (var entry in entries)
                        {
                            Enqueue(RedisStreamEntries.ToMessage(Topic, entry, 0));
                        }

                        continue;
                    }
                }

                var untilSweep = TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _nextSweepTicks) - _time.GetUtcNow().UtcTicks));
                await _wake.WaitAsync(Min(_options.PollInterval, untilSweep), _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The group vanished (the stream was deleted, or a broadcast group was expired while this node was
                // unreachable): recreate it and carry on.
                LogGroupRecreated(_logger, Topic, SubscriptionName);
                await TryAsync(EnsureGroupAsync).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures++;
                LogReadFailed(_logger, Topic, SubscriptionName, e.Message);
                await TryAsync(() => Task.Delay(Backoff.Delay(failures, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), jitter: true),
                    _time, _stopping.Token)).ConfigureAwait(false);
            }
        }
    }

    private async Task SweepAsync()
    {
        await RefreshHeldAsync().ConfigureAwait(false);
        await ClaimAbandonedAsync().ConfigureAwait(false);
        if (_broadcast)
        {
            await ExpireDeadBroadcastGroupsAsync().ConfigureAwait(false);
        }
        else
        {
            await RemoveIdleConsumersAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The heartbeat of the entries this consumer holds (buffered or being handled): XCLAIM JUSTID to itself resets
    /// their idle time, so other consumers take over only what a dead consumer held, however slow the handling is.
    /// Only entries still owned by this consumer are touched, so one already taken over is not taken back.
    /// </summary>
    private async Task RefreshHeldAsync()
    {
        if (_unacked.IsEmpty)
        {
            return;
        }

        var owned = await Db.StreamPendingMessagesAsync(_key, SubscriptionName, _unacked.Count + _prefetch, _consumerName)
            .ConfigureAwait(false);
        var held = owned.Select(p => (string)p.MessageId!).Where(_unacked.ContainsKey).ToArray();
        if (held.Length > 0)
        {
            var arguments = new List<object> { _key, SubscriptionName, _consumerName, 0 };
            arguments.AddRange(held);
            arguments.Add("JUSTID");
            await Db.ExecuteAsync("XCLAIM", arguments.ToArray()).ConfigureAwait(false);
        }
    }

    /// <summary>XAUTOCLAIM: takes over entries idle longer than the claim timeout (crashed consumers, nacks).</summary>
    private async Task ClaimAbandonedAsync()
    {
        RedisValue start = "0-0";
        var room = _prefetch - _buffer.Reader.Count;
        while (room > 0)
        {
            var result = await Db.StreamAutoClaimAsync(_key, SubscriptionName, _consumerName,
                (long)_options.ClaimIdleTime.TotalMilliseconds, start, room).ConfigureAwait(false);
            if (result.IsNull)
            {
                return;
            }

            if (result.DeletedIds.Length > 0)
            {
                LogTrimmedBeforeHandled(_logger, Topic, SubscriptionName, result.DeletedIds.Length);
            }

            var claimed = result.ClaimedEntries.Where(e => !_unacked.ContainsKey((string)e.Id!)).ToArray();
            if (claimed.Length > 0)
            {
                var deliveries = await DeliveryCountsAsync(claimed).ConfigureAwait(false);
                foreach (var entry in claimed)
                {
                    var id = (string)entry.Id!;
                    Enqueue(RedisStreamEntries.ToMessage(Topic, entry, Math.Max(1, deliveries.GetValueOrDefault(id, 2) - 1)));
                }

                room -= claimed.Length;
            }

            start = result.NextStartId;
            if (start == "0-0" || result.ClaimedEntries.Length == 0)
            {
                return;
            }
        }
    }

    private async Task<Dictionary<string, int>> DeliveryCountsAsync(StreamEntry[] claimed)
    {
        var pending = await Db.StreamPendingMessagesAsync(_key, SubscriptionName, claimed.Length, _consumerName,
            claimed[0].Id, claimed[^1].Id).ConfigureAwait(false);
        return pending.ToDictionary(p => (string)p.MessageId!, p => p.DeliveryCount, StringComparer.Ordinal);
    }

    private async Task ExpireDeadBroadcastGroupsAsync()
    {
        var now = NowMs();
        await Db.SortedSetAddAsync(_broadcastRegistry, SubscriptionName, now).ConfigureAwait(false);
        var dead = await Db.SortedSetRangeByScoreAsync(_broadcastRegistry, double.NegativeInfinity,
            now - _options.BroadcastGroupExpiry.TotalMilliseconds).ConfigureAwait(false);
        foreach (var group in dead.Where(g => g != SubscriptionName))
        {
            try
            {
                await Db.StreamDeleteConsumerGroupAsync(_key, group).ConfigureAwait(false);
            }
            catch (RedisServerException)
            {
                // Already gone (another node cleaned it up first).
            }

            await Db.SortedSetRemoveAsync(_broadcastRegistry, group).ConfigureAwait(false);
            LogExpiredBroadcastGroup(_logger, Topic, (string)group!);
        }
    }

    private async Task RemoveIdleConsumersAsync()
    {
        var consumers = await Db.StreamConsumerInfoAsync(_key, SubscriptionName).ConfigureAwait(false);
        foreach (var consumer in consumers)
        {
            if (consumer.Name != _consumerName && consumer.PendingMessageCount == 0
                && consumer.IdleTimeInMilliseconds > _options.ConsumerExpiry.TotalMilliseconds)
            {
                await Db.StreamDeleteConsumerAsync(_key, SubscriptionName, consumer.Name).ConfigureAwait(false);
            }
        }
    }

    private async Task EnsureGroupAsync()
    {
        try
        {
            // Durable groups start at the beginning of the stream, so nothing published before the first consumer
            // ever ran is lost; broadcast groups only care about what is published from now on.
            await Db.StreamCreateConsumerGroupAsync(_key, SubscriptionName, _broadcast ? "$" : "0", createStream: true)
                .ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Exists already: join it.
        }
    }

    /// <summary>
    /// XCLAIM to ourselves with IDLE set: the entry stays pending but looks idle for <paramref name="idle"/>, so
    /// XAUTOCLAIM (ours or another consumer's) picks it up once it reaches the claim timeout. JUSTID leaves the
    /// delivery counter alone; the real redelivery increments it.
    /// </summary>
    private Task ReleaseAsync(string[] ids, TimeSpan idle)
    {
        var arguments = new List<object> { _key, SubscriptionName, _consumerName, 0 };
        arguments.AddRange(ids);
        arguments.AddRange(["IDLE", (long)Math.Max(0, idle.TotalMilliseconds), "JUSTID"]);
        return Db.ExecuteAsync("XCLAIM", arguments.ToArray());
    }

    private void Enqueue(ReceivedMessage message)
    {
        _unacked.TryAdd(message.MessageId, 0);
        _buffer.Writer.TryWrite(message);
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loop's next turn retries; errors are logged there.
        }
    }

    private double NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Topic} as {Subscription} failed: {Error}; retrying")]
    private static partial void LogReadFailed(ILogger logger, string topic, string subscription, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {Subscription} of {Topic} was missing and has been recreated")]
    private static partial void LogGroupRecreated(ILogger logger, string topic, string subscription);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} pending entries of {Topic}/{Subscription} were trimmed from the stream before anyone handled them")]
    private static partial void LogTrimmedBeforeHandled(ILogger logger, string topic, string subscription, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the broadcast group {Group} of {Topic}: its node stopped sending heartbeats")]
    private static partial void LogExpiredBroadcastGroup(ILogger logger, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up {Topic}/{Subscription} on shutdown failed ({Error}); the claim timeout will return its messages")]
    private static partial void LogCleanupFailed(ILogger logger, string topic, string subscription, string error);
}
