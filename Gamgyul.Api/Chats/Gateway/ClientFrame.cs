using System.Text.Json;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// A frame from a client, parsed without trusting it: <c>{"type": ...}</c> frames, and the original
/// <c>{"message": {"room_id", "text"}}</c> shape read as <c>message.send</c>. Any member id or sender the client adds
/// is ignored: the sender is always the socket's user. <see cref="Images"/> are media ids (or display URLs) of the
/// sender's chat uploads, like a post's <c>images</c>.
/// </summary>
internal sealed record ClientFrame(string Type, Guid? RoomId, string? Text, string? ClientMsgId, Guid? MessageId,
    IReadOnlyList<string?>? Images = null)
{
    public const string Send = "message.send";
    public const string Read = "read";
    public const string Typing = "typing";
    public const string Ping = "ping";

    /// <summary>The frame, or an error message saying what is wrong with it.</summary>
    public static (ClientFrame? Frame, string? Error) Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "A frame is a JSON object.");
            }

            if (root.TryGetProperty("type", out var type))
            {
                if (type.ValueKind != JsonValueKind.String)
                {
                    return (null, "\"type\" must be a string.");
                }

                return (FromElement(root, type.GetString()!), null);
            }

            if (root.TryGetProperty("message", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
            {
                return (FromElement(legacy, Send), null);
            }

            return (null, "A frame needs a \"type\" (or the original {\"message\": {...}} shape).");
        }
        catch (JsonException)
        {
            return (null, "The frame is not valid JSON.");
        }
        catch (FormatException)
        {
            return (null, "An id in the frame is not a valid UUID.");
        }
        catch (InvalidOperationException)
        {
            return (null, "A field of the frame has the wrong type.");
        }
    }

    private static ClientFrame FromElement(JsonElement element, string type) => new(
        type,
        Guid(element, "room_id"),
        String(element, "text"),
        String(element, "client_msg_id"),
        Guid(element, "message_id"),
        Strings(element, "images"));

    /// <summary>A list of strings; a value of another type throws <see cref="InvalidOperationException"/> (a bad frame).</summary>
    private static List<string?>? Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{name} must be a list.");
        }

        return value.EnumerateArray().Select(item => item.GetString()).ToList();
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static Guid? Guid(JsonElement element, string name) =>
        String(element, name) is { } text ? System.Guid.Parse(text) : null;
}
