using System.Text.Json;

namespace Gamgyul.Messaging;

/// <summary>A message to publish.</summary>
public sealed class OutgoingMessage
{
    /// <param name="key">
    /// The ordering key (a chat room id, a post id): messages with the same key reach a consumer in publish order.
    /// </param>
    /// <param name="payload">The body, opaque to the bus.</param>
    /// <param name="headers">Small string metadata (event id, type, content type); see <see cref="MessageHeaders"/>.</param>
    public OutgoingMessage(string key, ReadOnlyMemory<byte> payload, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Payload = payload;
        Headers = headers ?? new Dictionary<string, string>();
        foreach (var name in Headers.Keys)
        {
            // Header names travel as Redis field names and Pulsar property names; keep them portable.
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"Header name '{name}' must use only letters, digits, '-', '_' and '.'.", nameof(headers));
            }
        }
    }

    public string Key { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>A message whose payload is <paramref name="value"/> as JSON (snake_case, like the rest of Gamgyul).</summary>
    public static OutgoingMessage Json<T>(string key, T value, IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, headerValue) in headers ?? new Dictionary<string, string>())
        {
            all[name] = headerValue;
        }

        all[MessageHeaders.ContentType] = MessageHeaders.JsonContentType;
        return new OutgoingMessage(key, JsonSerializer.SerializeToUtf8Bytes(value, MessageJson.Options), all);
    }
}
