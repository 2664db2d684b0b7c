using System.Globalization;
using StackExchange.Redis;

namespace Gamgyul.Messaging.Redis;

/// <summary>How a message is laid out as the fields of a stream entry: <c>k</c> key, <c>p</c> payload, <c>h.name</c> headers.</summary>
internal static class RedisStreamEntries
{
    private const string KeyField = "k";
    private const string PayloadField = "p";
    private const string HeaderPrefix = "h.";

    public static NameValueEntry[] ToFields(OutgoingMessage message)
    {
        var fields = new NameValueEntry[2 + message.Headers.Count];
        fields[0] = new NameValueEntry(KeyField, message.Key);
        fields[1] = new NameValueEntry(PayloadField, message.Payload);
        var i = 2;
        foreach (var (name, value) in message.Headers)
        {
            fields[i++] = new NameValueEntry(HeaderPrefix + name, value);
        }

        return fields;
    }

    public static ReceivedMessage ToMessage(string topic, StreamEntry entry, int redeliveryCount)
    {
        var key = string.Empty;
        ReadOnlyMemory<byte> payload = Array.Empty<byte>();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in entry.Values)
        {
            var name = (string)field.Name!;
            if (name == KeyField)
            {
                key = (string?)field.Value ?? string.Empty;
            }
            else if (name == PayloadField)
            {
                payload = (byte[]?)field.Value ?? [];
            }
            else if (name.StartsWith(HeaderPrefix, StringComparison.Ordinal))
            {
                headers[name[HeaderPrefix.Length..]] = (string?)field.Value ?? string.Empty;
            }
        }

        var id = (string)entry.Id!;
        return new ReceivedMessage(topic, id, key, payload, headers, PublishedAt(id), redeliveryCount);
    }

    /// <summary>A stream id is "milliseconds-sequence": the time Redis stored the entry.</summary>
    public static DateTimeOffset PublishedAt(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? id : id[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MinValue;
    }
}
