namespace Gamgyul.Messaging;

/// <summary>What to subscribe as.</summary>
public sealed record SubscriptionOptions
{
    /// <summary>
    /// The subscription's name: the consumer group for <see cref="SubscriptionKind.Durable"/> (e.g.
    /// <c>chat-worker</c>), a prefix to which the node id is added for <see cref="SubscriptionKind.Broadcast"/>.
    /// Letters, digits, '-', '_' and '.' only, because it becomes part of broker names and URLs.
    /// </summary>
    public required string Name { get; init; }

    public SubscriptionKind Kind { get; init; } = SubscriptionKind.Durable;

    /// <summary>How many messages may be fetched ahead of the application (flow control).</summary>
    public int PrefetchCount { get; init; } = 100;

    /// <summary>Shorthand for a durable, competing-consumer subscription.</summary>
    public static SubscriptionOptions Durable(string name) => new() { Name = name, Kind = SubscriptionKind.Durable };

    /// <summary>Shorthand for a per-node broadcast subscription.</summary>
    public static SubscriptionOptions Broadcast(string name) => new() { Name = name, Kind = SubscriptionKind.Broadcast };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Subscription name '{Name}' must be non-empty and use only letters, digits, '-', '_' and '.'.");
        }

        if (PrefetchCount is < 1 or > 1000)
        {
            throw new ArgumentException("PrefetchCount must be between 1 and 1000.");
        }
    }
}
