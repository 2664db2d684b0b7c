using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gamgyul.Messaging.Pulsar;

// The JSON frames of Pulsar's WebSocket API (docs: client-libraries-websocket). Field names are the wire names.

/// <summary>Producer → broker: one message.</summary>
internal sealed record ProducerSendFrame(
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("context")] string Context,
    [property: JsonPropertyName("key")] string Key);

/// <summary>Broker → producer: <c>{"result":"ok","messageId":…,"context":…}</c> or <c>send-error:N</c> with errorMsg.</summary>
internal sealed record ProducerAckFrame(
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("context")] string? Context,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg);

/// <summary>Broker → consumer or reader: one message.</summary>
internal sealed record ConsumerMessageFrame(
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("payload")] string? Payload,
    [property: JsonPropertyName("properties")] Dictionary<string, string>? Properties,
    [property: JsonPropertyName("publishTime")] string? PublishTime,
    [property: JsonPropertyName("redeliveryCount")] int RedeliveryCount,
    [property: JsonPropertyName("key")] string? Key);

/// <summary>Consumer → broker: acknowledge.</summary>
internal sealed record AckFrame([property: JsonPropertyName("messageId")] string MessageId);

/// <summary>Consumer → broker: negative acknowledge (redelivered after <c>negativeAckRedeliveryDelay</c>).</summary>
internal sealed record NegativeAckFrame([property: JsonPropertyName("messageId")] string MessageId)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "negativeAcknowledge";
}

/// <summary>Serializer settings for the frames: exact wire names, nothing null written.</summary>
internal static class PulsarJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
