using Gamgyul.Data;
using Gamgyul.Messaging.Chat;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

internal static class ChatSenders
{
    public static Task<ChatSender> LoadAsync(GamgyulDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new ChatSender(u.Id, u.UserName!, u.DisplayName, u.Profile.ProfileImageUrl))
            .FirstAsync(cancellationToken);

    public static ChatSenderResponse ToResponse(this ChatSender sender) => new(sender.Handle, sender.Username, sender.ProfileImage);
}
