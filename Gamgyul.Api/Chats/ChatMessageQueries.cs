using Gamgyul.Data;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

internal static class ChatMessageQueries
{
    /// <summary>Messages with their author's public face (null for system messages and deleted accounts).</summary>
    public static IQueryable<ChatMessageResponse> Messages(GamgyulDbContext db, IQueryable<ChatMessage> messages) =>
        from m in messages
        join u in db.Users on m.SenderId equals u.Id into senders
        from u in senders.DefaultIfEmpty()
        select new ChatMessageResponse(
            m.Id,
            m.RoomId,
            u == null || u.DeletedAt != null ? null : new ChatSenderResponse(u.UserName!, u.DisplayName, u.Profile.ProfileImageUrl),
            m.Kind,
            m.Text,
            m.CreatedAt);
}
