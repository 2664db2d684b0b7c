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
            m.CreatedAt)
        {
            MediaId = m.MediaId,
        };

    /// <summary>Fills in the signed URLs, placeholders and sizes of the messages' images (one query for the whole page).</summary>
    public static async Task<List<ChatMessageResponse>> WithImagesAsync(this List<ChatMessageResponse> messages,
        Media.MediaAttachments media, CancellationToken cancellationToken)
    {
        var images = await media.ChatImagesAsync(messages.Select(m => m.MediaId).OfType<Guid>(), cancellationToken);
        return images.Count == 0
            ? messages
            : messages.Select(m => m.MediaId is { } id && images.TryGetValue(id, out var image)
                ? m with { Images = [image.Url], ImageDetails = [image] }
                : m).ToList();
    }
}
