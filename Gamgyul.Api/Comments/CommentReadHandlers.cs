using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Comments;

internal static class CommentReadHandlers
{
    private const int DefaultPageSize = 20;

    public static async Task<IResult> ListForPostAsync(HttpContext context, GamgyulDbContext db, [FromQuery] string? uuid,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(uuid, out var postId))
        {
            return Problems.Invalid("uuid", "The post's uuid is required.");
        }

        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        if (!await db.Posts.Where(p => p.Id == postId).VisibleTo(viewer).AnyAsync(cancellationToken))
        {
            return Problems.NotFound("Post not found.");
        }

        var rows = await db.Comments
            .Where(c => c.PostId == postId && c.ParentId == null)
            .VisibleTo(db, viewer)
            .KeysetPage(page, c => c.CreatedAt, c => c.Id)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, context.Request, CommentQueries.Position));
    }

    public static async Task<IResult> ListRepliesAsync(Guid uuid, HttpContext context, GamgyulDbContext db,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        if (!await db.Comments.Where(c => c.Id == uuid && c.ParentId == null).VisibleTo(db, viewer).AnyAsync(cancellationToken))
        {
            return Problems.NotFound("Comment not found.");
        }

        // A conversation reads top-down: replies oldest first.
        var rows = await db.Comments
            .Where(c => c.ParentId == uuid)
            .VisibleTo(db, viewer)
            .KeysetPage(page, c => c.CreatedAt, c => c.Id, newestFirst: false)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, context.Request, CommentQueries.Position));
    }

    public static async Task<IResult> ListForUserAsync(HttpContext context, GamgyulDbContext db, UserDirectory users,
        [FromQuery] string? handle, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        Guid authorId;
        if (string.IsNullOrWhiteSpace(handle))
        {
            if (viewer.Id is not { } me)
            {
                return TypedResults.Unauthorized();
            }

            authorId = me;
        }
        else if (await users.FindIdAsync(handle, cancellationToken) is { } found)
        {
            authorId = found;
        }
        else
        {
            return Problems.NotFound("User not found.");
        }

        var rows = await db.Comments
            .Where(c => c.AuthorId == authorId)
            .VisibleTo(db, viewer)
            .KeysetPage(page, c => c.CreatedAt, c => c.Id)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, context.Request, CommentQueries.Position));
    }

    public static async Task<IResult> GetAsync(Guid uuid, HttpContext context, GamgyulDbContext db, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var comment = await db.Comments.Where(c => c.Id == uuid).VisibleTo(db, viewer).ToResponses(db, viewer)
            .FirstOrDefaultAsync(cancellationToken);
        return comment is null ? Problems.NotFound("Comment not found.") : TypedResults.Ok(comment);
    }
}
