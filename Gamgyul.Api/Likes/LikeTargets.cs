using Gamgyul.Api.Comments;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Likes;

internal static class LikeTargets
{
    /// <summary>Whether the target exists, is of the endpoint's kind and is visible to the viewer.</summary>
    public static Task<bool> ExistsAsync(GamgyulDbContext db, LikeKind kind, Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        kind switch
        {
            LikeKind.Post => db.Posts.Where(p => p.Id == id).VisibleTo(viewer).AnyAsync(cancellationToken),
            LikeKind.Comment => db.Comments.Where(c => c.Id == id && c.ParentId == null).VisibleTo(db, viewer).AnyAsync(cancellationToken),
            _ => db.Comments.Where(c => c.Id == id && c.ParentId != null).VisibleTo(db, viewer).AnyAsync(cancellationToken),
        };

    public static string NotFoundMessage(LikeKind kind) => kind switch
    {
        LikeKind.Post => "Post not found.",
        LikeKind.Comment => "Comment not found.",
        _ => "Reply not found.",
    };
}
