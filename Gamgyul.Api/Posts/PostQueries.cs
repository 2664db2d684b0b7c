using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Visibility and the one projection every post list and the detail share. A page of posts costs at most
/// two SQL statements whatever its size: the posts with their authors, images and <c>is_liked</c>; then the
/// first comments of those posts with the first reply of each, a lateral join that seeks a few index
/// entries per post. Written inside the first statement, EF would number every comment in the table
/// (ROW_NUMBER over all of it) on every page.
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

    /// <summary>The posts as responses; running the query also fills in their comment previews.</summary>
    public static PostResponseQuery ToResponses(this IQueryable<Post> posts, GamgyulDbContext db, Viewer viewer)
    {
        var viewerId = viewer.Id;
        var admin = viewer.IsAdmin;
        return new PostResponseQuery(posts.SelectExpanded(p => new PostResponse(
            p.Id,
            UserSummaryResponse.From(p.Author!),
            p.Category,
            new List<CommentPreviewResponse>(),
            p.Status,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).ToList(),
            p.Text,
            p.Tags,
            p.ViewsCount,
            p.LikesCount,
            p.CommentsCount,
            p.CreatedAt,
            p.UpdatedAt,
            viewerId != null && db.PostLikes.Any(l => l.PostId == p.Id && l.UserId == viewerId))
        {
            AuthorId = p.AuthorId,
        }), db, viewer);
    }

    /// <summary>
    /// Runs the projection, then, if any post on the page has comments, fills in their first comments and
    /// the first reply of each in one more statement: one or two statements whatever the page size.
    /// </summary>
    internal static async Task<List<PostResponse>> ToListWithPreviewsAsync(IQueryable<PostResponse> posts,
        GamgyulDbContext db, Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await posts.ToListAsync(cancellationToken);
        var commented = rows.Where(p => p.CommentsCount > 0).Select(p => p.Uuid).ToArray();
        if (commented.Length == 0)
        {
            return rows;
        }

        var previews = await CommentPreviews(db, viewer, commented).ToListAsync(cancellationToken);
        var replies = previews
            .Where(c => c.ParentId is not null)
            .ToDictionary(c => c.ParentId!.Value, c => new ReplyPreviewResponse(
                c.Comment.Uuid, c.Comment.Content, c.Comment.User, c.Comment.LikesCount, c.Comment.CreatedAt));
        var byPost = previews
            .Where(c => c.ParentId is null)
            .GroupBy(c => c.PostId)
            .ToDictionary(g => g.Key, g => g
                .Select(c => c.Comment with { Reply = replies.GetValueOrDefault(c.Comment.Uuid) })
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Uuid)
                .ToList());
        return [.. rows.Select(p => byPost.TryGetValue(p.Uuid, out var comments) ? p with { Comments = comments } : p)];
    }

    /// <summary>
    /// The first <see cref="PreviewComments"/> visible top-level comments of each of the given posts, each
    /// followed by its first visible reply if it has one (a row whose <c>ParentId</c> is that comment).
    /// </summary>
    public static IQueryable<CommentPreviewRow> CommentPreviews(GamgyulDbContext db, Viewer viewer, Guid[] postIds)
    {
        NpgsqlParameter ViewerId(string name) => new(name, NpgsqlDbType.Uuid) { Value = (object?)viewer.Id ?? DBNull.Value };
        NpgsqlParameter Admin(string name) => new(name, NpgsqlDbType.Boolean) { Value = viewer.IsAdmin };
        var posts = new NpgsqlParameter("post_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = postIds };
        var limit = new NpgsqlParameter("preview_limit", NpgsqlDbType.Integer) { Value = PreviewComments };
        // Per post, a seek on the (post_id, parent_id, created_at, id) index for its oldest visible comments;
        // per comment, a seek on (parent_id, created_at, id) for its oldest visible reply.
        return db.Comments.FromSql($"""
                SELECT x.* FROM unnest({posts}) AS page(post_id)
                CROSS JOIN LATERAL (
                    SELECT c.* FROM comments AS c JOIN users AS u ON u.id = c.author_id
                    WHERE c.post_id = page.post_id AND c.parent_id IS NULL AND u.deleted_at IS NULL
                      AND (c.status = 'Published' OR c.author_id = {ViewerId("viewer_id")} OR {Admin("is_admin")})
                    ORDER BY c.created_at, c.id
                    LIMIT {limit}) AS c
                CROSS JOIN LATERAL (
                    SELECT c.*
                    UNION ALL
                    (SELECT r.* FROM comments AS r JOIN users AS u ON u.id = r.author_id
                     WHERE r.parent_id = c.id AND u.deleted_at IS NULL
                       AND (r.status = 'Published' OR r.author_id = {ViewerId("reply_viewer_id")} OR {Admin("reply_is_admin")})
                     ORDER BY r.created_at, r.id
                     LIMIT 1)) AS x
                """)
            .SelectExpanded(c => new CommentPreviewRow(c.PostId, c.ParentId, new CommentPreviewResponse(
                c.Id, c.Content, UserSummaryResponse.From(c.Author!), c.LikesCount, c.RepliesCount, c.CreatedAt, null)));
    }

    public static KeysetCursor Position(PostResponse post) => new(post.CreatedAt, post.Uuid);
}
