namespace Gamgyul.Messaging.InMemory;

/// <summary>
/// The shared state of in-memory buses: one instance stands for "the broker", and each
/// <see cref="InMemoryMessageBus"/> on it stands for one node. For unit tests of logic only: nothing survives the
/// process, and nothing is ever trimmed.
/// </summary>
public sealed class InMemoryBroker
{
    private readonly Dictionary<string, InMemoryTopic> _topics = new(StringComparer.Ordinal);

    public InMemoryBroker(TimeProvider? timeProvider = null, TimeSpan? negativeAckDelay = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        NegativeAckDelay = negativeAckDelay ?? TimeSpan.FromMilliseconds(50);
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>How long a negatively acknowledged message waits before it is delivered again.</summary>
    public TimeSpan NegativeAckDelay { get; }

    /// <summary>Every structure below is guarded by this one lock: simple, and plenty fast for tests.</summary>
    internal object Gate { get; } = new();

    internal InMemoryTopic Topic(string name)
    {
        lock (Gate)
        {
            if (!_topics.TryGetValue(name, out var topic))
            {
                topic = new InMemoryTopic(name);
                _topics.Add(name, topic);
            }

            return topic;
        }
    }
}
