using Gamgyul.Api.Comments;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Likes;

internal static class LikeReadHandlers
{
    private const int DefaultPageSize = 20;

    /// <summary><c>GET ...?uuid=</c>: who liked the target, newest first; or, for posts, <c>?handle=</c>: what a user liked.</summary>
    public static async Task<IResult> ListAsync(LikeKind kind, HttpContext context, GamgyulDbContext db, UserDirectory users,
        string? uuid, string? handle, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        if (kind == LikeKind.Post && uuid is null && handle is not null)
        {
            return await LikedPostsAsync(context, db, users, viewer, handle, page, cancellationToken);
        }

        if (!Guid.TryParse(uuid, out var targetId))
        {
            return Problems.Invalid("uuid", kind == LikeKind.Post
                ? "Name the post as ?uuid=, or a user as ?handle= for the posts they liked."
                : "Name the target as ?uuid=.");
        }

        if (!await LikeTargets.ExistsAsync(db, kind, targetId, viewer, cancellationToken))
        {
            return Problems.NotFound(LikeTargets.NotFoundMessage(kind));
        }

        var activeUsers = db.Users.Where(u => u.DeletedAt == null);
        var likers = kind == LikeKind.Post
            ? db.PostLikes.Where(l => l.PostId == targetId)
                .Join(activeUsers, l => l.UserId, u => u.Id, (l, u) => new LikeRow { CreatedAt = l.CreatedAt, UserId = u.Id, User = u })
            : db.CommentLikes.Where(l => l.CommentId == targetId)
                .Join(activeUsers, l => l.UserId, u => u.Id, (l, u) => new LikeRow { CreatedAt = l.CreatedAt, UserId = u.Id, User = u });
        var rows = await likers
            .KeysetPage(page, r => r.CreatedAt, r => r.UserId)
            .SelectExpanded(r => new Liker(r.UserId, UserSummaryResponse.From(r.User!), r.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, context.Request, r => new KeysetCursor(r.CreatedAt, r.UserId))
            .Map(r => new LikerResponse(r.User, r.CreatedAt)));
    }

    /// <summary><c>GET .../{uuid}/</c>: the number of likes.</summary>
    public static async Task<IResult> CountAsync(LikeKind kind, Guid uuid, HttpContext context, GamgyulDbContext db,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var me = viewer.Id;
        var count = kind == LikeKind.Post
            ? await db.Posts.Where(p => p.Id == uuid).VisibleTo(viewer)
                .Select(p => new { p.LikesCount, Mine = me != null && db.PostLikes.Any(l => l.PostId == p.Id && l.UserId == me) })
                .FirstOrDefaultAsync(cancellationToken)
            : await db.Comments.Where(c => c.Id == uuid && (kind == LikeKind.Reply ? c.ParentId != null : c.ParentId == null))
                .VisibleTo(db, viewer)
                .Select(c => new { c.LikesCount, Mine = me != null && db.CommentLikes.Any(l => l.CommentId == c.Id && l.UserId == me) })
                .FirstOrDefaultAsync(cancellationToken);
        return count is null
            ? Problems.NotFound(LikeTargets.NotFoundMessage(kind))
            : TypedResults.Ok(new LikeCountResponse(count.LikesCount, count.Mine));
    }

    private static async Task<IResult> LikedPostsAsync(HttpContext context, GamgyulDbContext db, UserDirectory users,
        Viewer viewer, string handle, CursorPageRequest page, CancellationToken cancellationToken)
    {
        if (await users.FindIdAsync(handle, cancellationToken) is not { } userId)
        {
            return Problems.NotFound("User not found.");
        }

        // The page of likes first (by when they were given), then the posts in one projection.
        var keys = await db.PostLikes.Where(l => l.UserId == userId)
            .Join(db.Posts.VisibleTo(viewer), l => l.PostId, p => p.Id, (l, p) => new { l.CreatedAt, l.PostId })
            .KeysetPage(page, l => l.CreatedAt, l => l.PostId)
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.PostId).ToList();
        var posts = (await db.Posts.Where(p => ids.Contains(p.Id)).ToResponses(db, viewer).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Uuid);
        var likedAt = keys.ToDictionary(k => k.PostId, k => k.CreatedAt);
        var rows = keys.Where(k => posts.ContainsKey(k.PostId)).Select(k => posts[k.PostId]).ToList();
        return TypedResults.Ok(rows.ToPage(page, context.Request, p => new KeysetCursor(likedAt[p.Uuid], p.Uuid)));
    }

    private sealed class LikeRow
    {
        public DateTimeOffset CreatedAt { get; init; }
        public Guid UserId { get; init; }
        public Data.Entities.User? User { get; init; }
    }

    private sealed record Liker(Guid UserId, UserSummaryResponse User, DateTimeOffset CreatedAt);
}
