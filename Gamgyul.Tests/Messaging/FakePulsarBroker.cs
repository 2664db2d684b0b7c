using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The broker behind the fake Pulsar WebSocket service, reduced to what the documented protocol promises:
/// persistent topics, durable subscriptions (Exclusive, Shared, Failover, Key_Shared) with acks, negative acks
/// redelivered after <c>negativeAckRedeliveryDelay</c>, unacknowledged messages released when a consumer's
/// connection ends, and readers starting at earliest, latest or after a message id.
/// </summary>
internal sealed class FakePulsarBroker
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    public HashSet<string> Tenants { get; } = new(StringComparer.Ordinal) { "public" };

    public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal) { "public/default" };

    /// <summary>Namespace → the last retention policy body posted for it.</summary>
    public Dictionary<string, string> Retention { get; } = new(StringComparer.Ordinal);

    /// <summary>Every message stored for a topic path ("tenant/ns/topic"), in order.</summary>
    public IReadOnlyList<StoredMessage> Messages(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var t) ? t.Log.ToList() : [];
        }
    }

    public bool TopicExists(string topic)
    {
        lock (_gate)
        {
            return _topics.ContainsKey(topic);
        }
    }

    public bool CreateTopic(string topic)
    {
        lock (_gate)
        {
            if (_topics.ContainsKey(topic))
            {
                return false;
            }

            _topics.Add(topic, new Topic());
            return true;
        }
    }

    /// <summary>Creates a subscription at the earliest or latest position; false when it exists already.</summary>
    public bool CreateSubscription(string topic, string name, bool earliest)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            if (t.Subscriptions.ContainsKey(name))
            {
                return false;
            }

            t.Subscriptions.Add(name, new Subscription { Cursor = earliest ? 0 : t.Log.Count });
            return true;
        }
    }

    public bool SubscriptionExists(string topic, string name)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var t) && t.Subscriptions.ContainsKey(name);
        }
    }

    public StoredMessage Publish(string topic, string payloadBase64, Dictionary<string, string> properties, string? key)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            var index = t.Log.Count;
            var message = new StoredMessage(index, MessageIdFor(index), payloadBase64, properties, key, DateTimeOffset.UtcNow);
            t.Log.Add(message);
            DispatchAll(t);
            return message;
        }
    }

    public void AttachConsumer(string topic, string subscription, FakePulsarConnection connection)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            if (!t.Subscriptions.TryGetValue(subscription, out var sub))
            {
                // Like Pulsar: subscribing to a subscription that does not exist creates it at the latest message.
                sub = new Subscription { Cursor = t.Log.Count };
                t.Subscriptions.Add(subscription, sub);
            }

            sub.Consumers.Add(connection);
            Dispatch(t, sub);
        }
    }

    public void AttachReader(string topic, string? startMessageId, FakePulsarConnection connection)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            var start = startMessageId switch
            {
                null or "latest" => t.Log.Count,
                "earliest" => 0,
                // The reader's start position is exclusive: it resumes after the given message.
                _ => t.Log.FindIndex(m => m.MessageId == startMessageId) + 1,
            };
            t.Readers.Add(new Reader(connection) { Next = start });
            DispatchAll(t);
        }
    }

    public void Acknowledge(string topic, string subscription, string messageId, FakePulsarConnection connection)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            var sub = t.Subscriptions[subscription];
            var index = t.Log.FindIndex(m => m.MessageId == messageId);
            if (index >= 0 && sub.Pending.Remove(index, out var holder))
            {
                holder.Outstanding--;
                sub.Acked.Add(index);
            }
            else if (index >= 0)
            {
                sub.Acked.Add(index);
                sub.Replay.Remove(index);
            }

            Dispatch(t, sub);
        }
    }

    public void NegativeAcknowledge(string topic, string subscription, string messageId, FakePulsarConnection connection, TimeSpan delay)
    {
        int index;
        lock (_gate)
        {
            var t = TopicOf(topic);
            var sub = t.Subscriptions[subscription];
            index = t.Log.FindIndex(m => m.MessageId == messageId);
            if (index < 0 || !sub.Pending.Remove(index, out var holder))
            {
                return;
            }

            holder.Outstanding--;
            Dispatch(t, sub);
        }

        _ = Task.Delay(delay).ContinueWith(_ =>
        {
            lock (_gate)
            {
                var t = TopicOf(topic);
                var sub = t.Subscriptions[subscription];
                if (!sub.Acked.Contains(index))
                {
                    sub.RedeliveryCounts[index] = sub.RedeliveryCounts.GetValueOrDefault(index) + 1;
                    sub.Replay.Add(index);
                    Dispatch(t, sub);
                }
            }
        }, TaskScheduler.Default);
    }

    public void ReaderAcknowledged(string topic, FakePulsarConnection connection)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            if (t.Readers.FirstOrDefault(r => r.Connection == connection) is { } reader)
            {
                reader.Connection.Outstanding--;
                DispatchAll(t);
            }
        }
    }

    /// <summary>The connection ended (closed or dropped): its unacknowledged messages go back to the subscription.</summary>
    public void Detach(string topic, FakePulsarConnection connection)
    {
        lock (_gate)
        {
            var t = TopicOf(topic);
            t.Readers.RemoveAll(r => r.Connection == connection);
            foreach (var sub in t.Subscriptions.Values)
            {
                if (!sub.Consumers.Remove(connection))
                {
                    continue;
                }

                foreach (var index in sub.Pending.Where(p => p.Value == connection).Select(p => p.Key).ToList())
                {
                    sub.Pending.Remove(index);
                    sub.RedeliveryCounts[index] = sub.RedeliveryCounts.GetValueOrDefault(index) + 1;
                    sub.Replay.Add(index);
                }

                Dispatch(t, sub);
            }
        }
    }

    /// <summary>Ledger 7, entry = index, encoded like Pulsar's MessageIdData protobuf (field 1 ledgerId, field 2 entryId).</summary>
    public static string MessageIdFor(int index)
    {
        var bytes = new List<byte> { 0x08, 0x07, 0x10 };
        var entry = (uint)index;
        do
        {
            var b = (byte)(entry & 0x7F);
            entry >>= 7;
            bytes.Add(entry != 0 ? (byte)(b | 0x80) : b);
        }
        while (entry != 0);
        return Convert.ToBase64String(bytes.ToArray());
    }

    private Topic TopicOf(string topic)
    {
        if (!_topics.TryGetValue(topic, out var t))
        {
            t = new Topic();
            _topics.Add(topic, t);
        }

        return t;
    }

    private static void DispatchAll(Topic t)
    {
        foreach (var sub in t.Subscriptions.Values)
        {
            Dispatch(t, sub);
        }

        foreach (var reader in t.Readers)
        {
            while (reader.Next < t.Log.Count && reader.Connection.Outstanding < reader.Connection.QueueSize)
            {
                reader.Connection.Outstanding++;
                reader.Connection.Send(Frame(t.Log[reader.Next++], 0));
            }
        }
    }

    private static void Dispatch(Topic t, Subscription sub)
    {
        while (sub.Consumers.Count > 0)
        {
            int index;
            if (sub.Replay.Count > 0)
            {
                index = sub.Replay.Min;
            }
            else
            {
                while (sub.Cursor < t.Log.Count && sub.Acked.Contains(sub.Cursor))
                {
                    sub.Cursor++;
                }

                if (sub.Cursor >= t.Log.Count)
                {
                    return;
                }

                index = sub.Cursor;
            }

            var consumer = Choose(sub, t.Log[index]);
            if (consumer is null || consumer.Outstanding >= consumer.QueueSize)
            {
                return;
            }

            if (!sub.Replay.Remove(index))
            {
                sub.Cursor++;
            }

            sub.Pending[index] = consumer;
            consumer.Outstanding++;
            consumer.Send(Frame(t.Log[index], sub.RedeliveryCounts.GetValueOrDefault(index)));
        }
    }

    private static FakePulsarConnection? Choose(Subscription sub, StoredMessage message)
    {
        var type = sub.Consumers[0].Query.GetValueOrDefault("subscriptionType", "Exclusive");
        switch (type)
        {
            case "Key_Shared":
                // Same key, same consumer (while the set of consumers stays the same).
                var hash = (uint)StableHash(message.Key ?? string.Empty);
                return sub.Consumers[(int)(hash % (uint)sub.Consumers.Count)];
            case "Shared":
                for (var i = 0; i < sub.Consumers.Count; i++)
                {
                    var candidate = sub.Consumers[(sub.RoundRobin + i) % sub.Consumers.Count];
                    if (candidate.Outstanding < candidate.QueueSize)
                    {
                        sub.RoundRobin = (sub.RoundRobin + i + 1) % sub.Consumers.Count;
                        return candidate;
                    }
                }

                return null;
            default:
                return sub.Consumers[0];
        }
    }

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static string Frame(StoredMessage message, int redeliveryCount)
    {
        var frame = new JsonObject
        {
            ["messageId"] = message.MessageId,
            ["payload"] = message.PayloadBase64,
            ["properties"] = JsonSerializer.SerializeToNode(message.Properties),
            ["publishTime"] = message.PublishTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
            ["redeliveryCount"] = redeliveryCount,
        };
        if (message.Key is not null)
        {
            frame["key"] = message.Key;
        }

        return frame.ToJsonString();
    }

    public sealed record StoredMessage(int Index, string MessageId, string PayloadBase64, Dictionary<string, string> Properties,
        string? Key, DateTimeOffset PublishTime);

    private sealed class Topic
    {
        public List<StoredMessage> Log { get; } = [];

        public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);

        public List<Reader> Readers { get; } = [];
    }

    private sealed class Subscription
    {
        public int Cursor { get; set; }

        public int RoundRobin { get; set; }

        public List<FakePulsarConnection> Consumers { get; } = [];

        public SortedSet<int> Replay { get; } = [];

        public HashSet<int> Acked { get; } = [];

        public Dictionary<int, FakePulsarConnection> Pending { get; } = [];

        public Dictionary<int, int> RedeliveryCounts { get; } = [];
    }

    private sealed class Reader(FakePulsarConnection connection)
    {
        public FakePulsarConnection Connection { get; } = connection;

        public int Next { get; set; }
    }
}
