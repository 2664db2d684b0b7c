using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Visibility and the one projection every post list and the detail share. The projection reads the
/// author, images, <c>is_liked</c> and the first comments (each with its first reply) in the same SQL
/// statement, so a page costs the same number of queries whatever its size.
/// </summary>
public static class PostQueries
{
    public const int PreviewComments = 2;

    /// <summary>Published posts of active authors; hidden ones too for their author and for admins.</summary>
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, Viewer viewer)
    {
        var viewerId = viewer.Id;
        var admin = viewer.IsAdmin;
        return posts.Where(p => p.Author!.DeletedAt == null
            && (p.Status == ContentStatus.Published || p.AuthorId == viewerId || admin));
    }

    public static IQueryable<PostResponse> ToResponses(this IQueryable<Post> posts, GamgyulDbContext db, Viewer viewer)
    {
        var viewerId = viewer.Id;
        var admin = viewer.IsAdmin;
        return posts.SelectExpanded(p => new PostResponse(
            p.Id,
            UserSummaryResponse.From(p.Author!),
            p.Category,
            db.Comments
                .Where(c => c.PostId == p.Id && c.ParentId == null && c.Author!.DeletedAt == null
                    && (c.Status == ContentStatus.Published || c.AuthorId == viewerId || admin))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Take(PreviewComments)
                .Select(c => new CommentPreviewResponse(
                    c.Id,
                    c.Content,
                    UserSummaryResponse.From(c.Author!),
                    c.LikesCount,
                    c.RepliesCount,
                    c.CreatedAt,
                    db.Comments
                        .Where(r => r.ParentId == c.Id && r.Author!.DeletedAt == null
                            && (r.Status == ContentStatus.Published || r.AuthorId == viewerId || admin))
                        .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                        .Select(r => new ReplyPreviewResponse(r.Id, r.Content, UserSummaryResponse.From(r.Author!), r.LikesCount, r.CreatedAt))
                        .FirstOrDefault()))
                .ToList(),
            p.Status,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).ToList(),
            p.Text,
            p.Tags,
            p.ViewsCount,
            p.LikesCount,
            p.CommentsCount,
            p.CreatedAt,
            p.UpdatedAt,
            viewerId != null && db.PostLikes.Any(l => l.PostId == p.Id && l.UserId == viewerId)));
    }

    public static KeysetCursor Position(PostResponse post) => new(post.CreatedAt, post.Uuid);
}
