using System.Text.Json;

namespace Gamgyul.Data.Entities;

/// <summary>Builds outbox rows for integration events, serialised the same way everywhere.</summary>
public static class OutboxMessageFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>An event of <paramref name="type"/> (e.g. <c>post.created</c>) about the object <paramref name="key"/>.</summary>
    public static OutboxMessage Create<TPayload>(string type, string key, TPayload payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = type,
        Key = key,
        Payload = JsonSerializer.Serialize(payload, Json),
        OccurredAt = now,
    };
}
