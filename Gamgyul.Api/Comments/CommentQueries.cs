using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Comments;

public static class CommentQueries
{
    /// <summary>
    /// Comments the viewer may see: published ones by active users on posts the viewer may see; hidden ones
    /// only for their author and admins.
    /// </summary>
    public static IQueryable<Comment> VisibleTo(this IQueryable<Comment> comments, GamgyulDbContext db, Viewer viewer)
    {
        var viewerId = viewer.Id;
        var admin = viewer.IsAdmin;
        var posts = db.Posts.VisibleTo(viewer);
        return comments.Where(c => c.Author!.DeletedAt == null
            && (c.Status == ContentStatus.Published || c.AuthorId == viewerId || admin)
            && posts.Any(p => p.Id == c.PostId));
    }

    public static IQueryable<CommentResponse> ToResponses(this IQueryable<Comment> comments, GamgyulDbContext db, Viewer viewer)
    {
        var viewerId = viewer.Id;
        return comments.SelectExpanded(c => new CommentResponse(
            c.Id,
            c.PostId,
            c.ParentId,
            c.Content,
            UserSummaryResponse.From(c.Author!),
            c.Status,
            c.LikesCount,
            c.RepliesCount,
            viewerId != null && db.CommentLikes.Any(l => l.CommentId == c.Id && l.UserId == viewerId),
            c.CreatedAt,
            c.UpdatedAt));
    }

    public static KeysetCursor Position(CommentResponse comment) => new(comment.CreatedAt, comment.Uuid);
}
