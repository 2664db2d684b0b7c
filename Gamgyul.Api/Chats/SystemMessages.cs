using Gamgyul.Data.Entities;
using Gamgyul.Messaging.Chat;

namespace Gamgyul.Api.Chats;

/// <summary>Messages the server writes into a room when its members or name change (Korean, like the app).</summary>
internal static class SystemMessages
{
    public static string Joined(string handle) => $"{handle}님이 들어왔습니다.";

    public static string Left(string handle) => $"{handle}님이 나갔습니다.";

    public static string Renamed(string name) => $"방 이름이 '{name}'(으)로 바뀌었습니다.";

    /// <summary>Adds a system message to the room (stored in the caller's transaction) and makes it the room's last.</summary>
    public static ChatMessage Add(ICollection<ChatMessage> into, ChatRoom room, string text, MessageIdGenerator ids)
    {
        var (id, at) = ids.Next();
        var message = new ChatMessage
        {
            Id = id,
            RoomId = room.Id,
            Kind = ChatMessageKind.System,
            Text = text,
            Status = ContentStatus.Published,
            CreatedAt = at,
        };
        into.Add(message);
        room.LastMessageId = id;
        room.LastMessageAt = at;
        room.UpdatedAt = at > room.UpdatedAt ? at : room.UpdatedAt;
        return message;
    }

    public static ChatMessageEvent ToEvent(ChatMessage message) =>
        new(message.Id, message.RoomId, null, "system", message.Text, message.CreatedAt, null);
}
