namespace Gamgyul.Messaging.InMemory;

/// <summary>A topic's append-only log and its subscriptions. Callers hold <see cref="InMemoryBroker.Gate"/>.</summary>
internal sealed class InMemoryTopic(string name)
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public List<ReceivedMessage> Log { get; } = [];

    public Dictionary<string, InMemoryGroup> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes at the next change (publish, nack, consumer gone): waiting consumers look again.</summary>
    public Task Changed => _changed.Task;

    public void NotifyChanged()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
