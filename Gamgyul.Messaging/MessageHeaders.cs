namespace Gamgyul.Messaging;

/// <summary>Well-known header names. Header names are lower-case kebab-case.</summary>
public static class MessageHeaders
{
    /// <summary>The event's unique id (an outbox row id); idempotent consumers de-duplicate on it.</summary>
    public const string EventId = "event-id";

    /// <summary>The event type, e.g. <c>post.updated</c>.</summary>
    public const string EventType = "event-type";

    /// <summary>When the event happened (ISO-8601 UTC), so consumers can discard stale events.</summary>
    public const string OccurredAt = "occurred-at";

    /// <summary>The payload's media type.</summary>
    public const string ContentType = "content-type";

    public const string JsonContentType = "application/json";
}
