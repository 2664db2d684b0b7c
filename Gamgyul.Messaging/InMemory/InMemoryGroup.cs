namespace Gamgyul.Messaging.InMemory;

/// <summary>
/// A subscription's cursor: the next log index to hand out, the messages handed out but not acknowledged, and
/// those waiting to be delivered again. Callers hold <see cref="InMemoryBroker.Gate"/>.
/// </summary>
internal sealed class InMemoryGroup(int startIndex)
{
    public int NextIndex { get; set; } = startIndex;

    /// <summary>Log index → the consumer holding it.</summary>
    public Dictionary<int, InMemoryConsumer> Pending { get; } = [];

    /// <summary>Indices to deliver again, lowest first so that per-key order holds as far as it can.</summary>
    public SortedSet<int> Redeliver { get; } = [];

    /// <summary>Log index → how many times it has been delivered.</summary>
    public Dictionary<int, int> Deliveries { get; } = [];

    public bool TryTake(InMemoryConsumer consumer, int logLength, out int index, out int redeliveryCount)
    {
        if (Redeliver.Count > 0)
        {
            index = Redeliver.Min;
            Redeliver.Remove(index);
        }
        else if (NextIndex < logLength)
        {
            index = NextIndex++;
        }
        else
        {
            index = -1;
            redeliveryCount = 0;
            return false;
        }

        Pending[index] = consumer;
        redeliveryCount = Deliveries.GetValueOrDefault(index);
        Deliveries[index] = redeliveryCount + 1;
        return true;
    }

    /// <summary>Gives every message a consumer still holds back to the group (the consumer stopped or crashed).</summary>
    public void Release(InMemoryConsumer consumer)
    {
        foreach (var index in Pending.Where(p => p.Value == consumer).Select(p => p.Key).ToList())
        {
            Pending.Remove(index);
            Redeliver.Add(index);
        }
    }
}
