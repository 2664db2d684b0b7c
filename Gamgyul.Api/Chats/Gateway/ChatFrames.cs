using System.Text.Json;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Messaging.Chat;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// The JSON frames the server writes. <c>message.new</c> carries the message under <c>message</c>, so a client of the
/// original protocol (<c>{"message": {...}}</c>) finds <c>room_id</c>, <c>text</c> and <c>created_at</c> where it looked.
/// </summary>
internal static class ChatFrames
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    public static byte[] MessageNew(ChatMessageEvent message) => Serialize(new
    {
        type = "message.new",
        message = new ChatMessageResponse(message.Id, message.RoomId, message.Sender?.ToResponse(),
            message.Kind == "system" ? Data.Entities.ChatMessageKind.System : Data.Entities.ChatMessageKind.Text,
            message.Text, message.CreatedAt)
        {
            Images = message.Images ?? [],
            ImageDetails = message.Images is { Count: > 0 } images
                ? [new ChatImageResponse(images[0], message.ImagePlaceholder, message.ImageWidth, message.ImageHeight)]
                : [],
        },
    });

    public static byte[] Ack(string? clientMsgId, Guid id, Guid roomId, DateTimeOffset createdAt) =>
        Serialize(new { type = "message.ack", client_msg_id = clientMsgId, id, room_id = roomId, created_at = createdAt });

    public static byte[] Error(string code, string detail, string? clientMsgId = null) =>
        Serialize(new { type = "error", code, detail, client_msg_id = clientMsgId });

    public static byte[] Signal(string type, ChatSignalEvent signal) => Serialize(new
    {
        type,
        room_id = signal.RoomId,
        user = signal.User.ToResponse(),
        message_id = signal.MessageId,
        at = signal.OccurredAt,
    });

    public static byte[] RoomUpdated(ChatRoomChangedEvent change) =>
        Serialize(new { type = "room.updated", room_id = change.RoomId, change = change.Change });

    public static byte[] Pong() => Serialize(new { type = "pong" });

    private static byte[] Serialize<T>(T frame) => JsonSerializer.SerializeToUtf8Bytes(frame, Json);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiPlatformExtensions.ConfigureJson(options);
        return options;
    }
}
