using System.Text.Json;

namespace Gamgyul.Messaging;

/// <summary>A message delivered to a consumer.</summary>
/// <remarks>
/// <see cref="MessageId"/> is the broker's own id, opaque to callers (a Redis stream entry id, a Pulsar base64 id);
/// pass the whole message back to acknowledge it.
/// </remarks>
public sealed record ReceivedMessage(
    string Topic,
    string MessageId,
    string Key,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset PublishedAt,
    int RedeliveryCount)
{
    /// <summary>Deserialises the payload as JSON (snake_case).</summary>
    public T ReadJson<T>() =>
        JsonSerializer.Deserialize<T>(Payload.Span, MessageJson.Options)
        ?? throw new JsonException($"The payload of message {MessageId} is JSON null.");

    /// <summary>A header's value, or null when the message does not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
