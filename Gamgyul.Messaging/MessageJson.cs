using System.Text.Json;

namespace Gamgyul.Messaging;

/// <summary>JSON settings for message payloads: snake_case, like the Api and the outbox.</summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
