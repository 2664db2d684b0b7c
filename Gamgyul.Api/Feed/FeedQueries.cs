using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Feed;

/// <summary>The queries behind the feeds, public so the benchmark's baseline runs exactly the same SQL.</summary>
public static class FeedQueries
{
    /// <summary>Fan-out on read: the posts of the users the viewer follows and the viewer's own.</summary>
    public static IQueryable<Post> Home(GamgyulDbContext db, Viewer viewer)
    {
        var me = viewer.Id!.Value;
        return db.Posts.VisibleTo(viewer)
            .Where(p => p.AuthorId == me || db.Follows.Any(f => f.FollowerId == me && f.FolloweeId == p.AuthorId));
    }

    /// <summary>Whether the viewer follows anyone; if not, the home feed is the cold-start feed.</summary>
    public static IQueryable<Follow> FollowsOf(GamgyulDbContext db, Guid viewerId) =>
        db.Follows.Where(f => f.FollowerId == viewerId);
}
