namespace Gamgyul.Data.Entities;

/// <summary>Marks an event as handled by one consumer, so at-least-once delivery is applied once.</summary>
public class ProcessedEvent
{
    public required string Consumer { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
