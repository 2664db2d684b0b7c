namespace Gamgyul.Data.Entities;

/// <summary>
/// An integration event written in the same transaction as the change it describes; a relay publishes it
/// to the message bus afterwards (transactional outbox).
/// </summary>
public class OutboxMessage
{
    /// <summary>The event id; consumers de-duplicate on it.</summary>
    public Guid Id { get; set; }

    /// <summary>Event type, e.g. <c>post.created</c>.</summary>
    public required string Type { get; set; }

    /// <summary>Partition key on the bus (the aggregate id), so events of one object stay in order.</summary>
    public required string Key { get; set; }

    /// <summary>The event body as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadLetteredAt { get; set; }
}
