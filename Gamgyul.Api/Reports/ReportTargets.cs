using Gamgyul.Api.Comments;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Products;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

internal static class ReportTargets
{
    /// <summary>
    /// The owner of a reportable object the reporter can see, or null when there is no such object (a chat
    /// message counts as visible only to members of its room).
    /// </summary>
    public static async Task<Guid?> FindOwnerAsync(GamgyulDbContext db, ReportTargetType type, Guid id, Viewer reporter,
        CancellationToken cancellationToken) => type switch
        {
            ReportTargetType.User => await db.Users.Where(u => u.Id == id && u.DeletedAt == null)
                .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken),
            ReportTargetType.Post => await db.Posts.Where(p => p.Id == id).VisibleTo(reporter)
                .Select(p => (Guid?)p.AuthorId).FirstOrDefaultAsync(cancellationToken),
            ReportTargetType.Comment => await db.Comments.Where(c => c.Id == id).VisibleTo(db, reporter)
                .Select(c => (Guid?)c.AuthorId).FirstOrDefaultAsync(cancellationToken),
            ReportTargetType.Product => await db.Products.Where(p => p.Id == id).VisibleTo(reporter)
                .Select(p => (Guid?)p.OwnerId).FirstOrDefaultAsync(cancellationToken),
            _ => await db.ChatMessages
                .Where(m => m.Id == id && m.SenderId != null
                    && db.ChatMembers.Any(member => member.RoomId == m.RoomId && member.UserId == reporter.Id))
                .Select(m => m.SenderId).FirstOrDefaultAsync(cancellationToken),
        };
}
