using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Comments;

/// <summary>
/// Comment writes keep <c>posts.comments_count</c> (comments and replies) and <c>comments.replies_count</c>
/// exact with atomic increments in the same transaction as the row change.
/// </summary>
internal static class CommentWriteHandlers
{
    public static async Task<IResult> CreateAsync(CommentRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var postId = Guid.Parse(request.Post!);
        if (!await db.Posts.Where(p => p.Id == postId).VisibleTo(viewer).AnyAsync(cancellationToken))
        {
            return Problems.NotFound("Post not found.");
        }

        Guid? parentId = null;
        if (request.Parent is not null)
        {
            var parent = await db.Comments.Where(c => c.Id == Guid.Parse(request.Parent)).VisibleTo(db, viewer)
                .Select(c => new { c.Id, c.PostId, c.ParentId })
                .FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return Problems.NotFound("Comment not found.");
            }

            if (parent.PostId != postId)
            {
                return Problems.Invalid("parent", "The comment answered belongs to another post.");
            }

            // Replies nest one level: answering a reply answers its top comment.
            parentId = parent.ParentId ?? parent.Id;
        }

        var now = clock.GetUtcNow();
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            PostId = postId,
            AuthorId = viewer.Id!.Value,
            ParentId = parentId,
            Content = request.Content!.Trim(),
            Status = ContentStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };

        try
        {
            await db.InTransactionAsync(async token =>
            {
                db.Comments.Add(comment);
                db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.CommentCreated, comment.Id.ToString(), ToEvent(comment, now), now));
                await db.SaveChangesAsync(token);
                await db.Posts.Where(p => p.Id == postId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsCount, p => p.CommentsCount + 1), token);
                if (parentId is { } parent)
                {
                    await db.Comments.Where(c => c.Id == parent)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.RepliesCount, c => c.RepliesCount + 1), token);
                }

                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsForeignKeyViolation())
        {
            return Problems.NotFound("Post not found.");
        }

        var created = await db.Comments.Where(c => c.Id == comment.Id).ToResponses(db, viewer).FirstAsync(cancellationToken);
        return TypedResults.Created($"/comments/{comment.Id}/", created);
    }

    public static async Task<IResult> EditAsync(Guid uuid, CommentEditRequest request, ClaimsPrincipal user,
        GamgyulDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var comment = await db.Comments.Where(c => c.Id == uuid).VisibleTo(db, viewer).FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return Problems.NotFound("Comment not found.");
        }

        if (comment.AuthorId != viewer.Id)
        {
            return Problems.Forbidden("Only the author may edit a comment.");
        }

        var now = clock.GetUtcNow();
        comment.Content = request.Content!.Trim();
        comment.UpdatedAt = now;
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.CommentUpdated, comment.Id.ToString(), ToEvent(comment, now), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await db.Comments.Where(c => c.Id == uuid).ToResponses(db, viewer).FirstAsync(cancellationToken));
    }

    public static async Task<IResult> DeleteAsync(Guid uuid, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var target = await db.Comments.Where(c => c.Id == uuid).VisibleTo(db, viewer)
            .Select(c => new { c.Id, c.AuthorId, c.PostId, c.ParentId, PostAuthorId = c.Post!.AuthorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Problems.NotFound("Comment not found.");
        }

        if (!viewer.CanManage(target.AuthorId) && target.PostAuthorId != viewer.Id)
        {
            return Problems.Forbidden("Only the comment's author, the post's author or an admin may delete it.");
        }

        var now = clock.GetUtcNow();
        var deleted = await db.InTransactionAsync(async token =>
        {
            // The replies go too; deleting them explicitly tells how many left the post's counter.
            var replies = await db.Comments.Where(c => c.ParentId == target.Id).ExecuteDeleteAsync(token);
            if (await db.Comments.Where(c => c.Id == target.Id).ExecuteDeleteAsync(token) == 0)
            {
                return false;
            }

            await db.Posts.Where(p => p.Id == target.PostId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsCount, p => p.CommentsCount - 1 - replies), token);
            if (target.ParentId is { } parent)
            {
                await db.Comments.Where(c => c.Id == parent)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RepliesCount, c => c.RepliesCount - 1), token);
            }

            db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.CommentDeleted, target.Id.ToString(),
                new CommentEvent(target.Id, target.PostId, target.ParentId, target.AuthorId, string.Empty, now), now));
            if (viewer.IsAdmin && viewer.Id != target.AuthorId && viewer.Id != target.PostAuthorId)
            {
                AuditLog.Record(db, viewer.Id, "comment.deleted", "comment", target.Id, null, new { target.AuthorId, target.PostId }, now);
            }

            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);
        return deleted ? TypedResults.NoContent() : Problems.NotFound("Comment not found.");
    }

    private static CommentEvent ToEvent(Comment comment, DateTimeOffset now) =>
        new(comment.Id, comment.PostId, comment.ParentId, comment.AuthorId, comment.Content, now);
}
