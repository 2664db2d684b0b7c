using Gamgyul.Api.Comments;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Products;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

/// <summary>The consequences an admin can attach to a resolved report, each audited and announced on the outbox.</summary>
internal static class ModerationActions
{
    /// <summary>Hides the reported object; false when it no longer exists (deleted meanwhile).</summary>
    public static async Task<bool> HideAsync(GamgyulDbContext db, Report report, Guid adminId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = report.TargetId;
        var key = id.ToString();
        switch (report.TargetType)
        {
            case ReportTargetType.Post when await db.Posts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } post:
                post.Status = ContentStatus.Hidden;
                db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.PostUpdated, key, PostEvent.From(post, now), now));
                break;
            case ReportTargetType.Comment when await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } comment:
                comment.Status = ContentStatus.Hidden;
                db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.CommentUpdated, key,
                    new CommentEvent(comment.Id, comment.PostId, comment.ParentId, comment.AuthorId, comment.Content, now), now));
                break;
            case ReportTargetType.Product when await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } product:
                product.Status = ContentStatus.Hidden;
                db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ProductUpdated, key, ProductEvent.From(product, now), now));
                break;
            case ReportTargetType.ChatMessage when await db.ChatMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } message:
                message.Status = ContentStatus.Hidden;
                db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.ChatMessageHidden, message.RoomId.ToString(),
                    new { message_id = message.Id, room_id = message.RoomId, occurred_at = now }, now));
                break;
            default:
                return false;
        }

        AuditLog.Record(db, adminId, $"{ReportVocabulary.Name(report.TargetType)}.hidden", ReportVocabulary.Name(report.TargetType),
            id, report.Id, new { report.TargetUserId }, now);
        return true;
    }

    public static void Suspend(GamgyulDbContext db, Report report, Guid userId, int days, Guid adminId, DateTimeOffset now)
    {
        var suspension = new UserSuspension
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            StartsAt = now,
            EndsAt = now.AddDays(days),
            Reason = $"{ReportVocabulary.Name(report.Reason)}: {report.AdminNote}".Trim().TrimEnd(':'),
            ReportId = report.Id,
            CreatedById = adminId,
            CreatedAt = now,
        };
        db.UserSuspensions.Add(suspension);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.UserSuspended, userId.ToString(),
            new { user_id = userId, ends_at = suspension.EndsAt, report_id = report.Id, occurred_at = now }, now));
        AuditLog.Record(db, adminId, "user.suspended", "user", userId, report.Id, new { days, ends_at = suspension.EndsAt }, now);
    }
}
