using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Search;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Feed;

internal static class FeedHandlers
{
    public const int MaxSearchLength = 100;

    public static async Task<IResult> ListAsync(HttpContext context, GamgyulDbContext db, IOptions<FeedOptions> options,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery] string[]? tags,
        [FromQuery] string? search, HybridSearch hybrid, IOptions<SearchQueryOptions> searchOptions, Recommender recommender, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            // A text search is answered in relevance order by the hybrid search (Search feature); tags still filter.
            return await SearchHandlers.PostSearchAsync(context, hybrid, db, searchOptions.Value, search, tags, cursor, pageSize, cancellationToken);
        }

        if ((tags is null or []) && await RecommendationHandlers.ForYouAsync(context, db, recommender, cursor, pageSize,
                options.Value.DefaultPageSize, cancellationToken) is { } forYou)
        {
            return forYou;
        }

        if (!CursorPageRequest.TryParse(cursor, pageSize, options.Value.DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        var posts = db.Posts.VisibleTo(viewer);

        if (!TagQuery.TryParse(tags, out var required, out var problem))
        {
            return problem!;
        }

        if (required.Count > 0)
        {
            // posts.tags @> ARRAY[...]: every requested tag, exactly; answered by the GIN index.
            posts = posts.Where(p => required.All(t => p.Tags.Contains(t)));
        }

        return await PageAsync(posts, db, viewer, page, context.Request, cancellationToken);
    }

    public static async Task<IResult> LatestAsync(HttpContext context, GamgyulDbContext db, IOptions<FeedOptions> options,
        [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, options.Value.DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var viewer = Viewer.From(context.User);
        return await PageAsync(db.Posts.VisibleTo(viewer), db, viewer, page, context.Request, cancellationToken);
    }

    public static async Task<IResult> LatestByHandleAsync(string handle, HttpContext context, GamgyulDbContext db,
        UserDirectory users, IOptions<FeedOptions> options, [FromQuery] string? cursor,
        [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, options.Value.DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (await users.FindIdAsync(handle, cancellationToken) is not { } authorId)
        {
            return Problems.NotFound("User not found.");
        }

        var viewer = Viewer.From(context.User);
        var posts = db.Posts.Where(p => p.AuthorId == authorId).VisibleTo(viewer);
        return await PageAsync(posts, db, viewer, page, context.Request, cancellationToken);
    }

    public static async Task<IResult> HomeAsync(HttpContext context, GamgyulDbContext db, IOptions<FeedOptions> options,
        TimeProvider clock, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var me = viewer.Id!.Value;
        var settings = options.Value;

        RankCursor? rank = null;
        CursorPageRequest? page = null;
        if (cursor is [RankCursor.Prefix, ..])
        {
            if (!RankCursor.TryDecode(cursor, out rank))
            {
                return CursorPageRequest.InvalidCursor();
            }
        }
        else if (!CursorPageRequest.TryParse(cursor, pageSize, settings.DefaultPageSize, out page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (rank is not null)
        {
            return await ColdStartAsync(context, db, viewer, settings, clock, rank, pageSize, cancellationToken);
        }

        var rows = await FeedQueries.Home(db, viewer)
            .KeysetPage(page!, p => p.CreatedAt, p => p.Id)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);
        // A caller who follows nobody gets the cold-start feed. A first page with anyone else's post already
        // answers that, so the question costs a query only for pages of the caller's own posts (or none).
        if (page!.Position is null && rows.All(p => p.AuthorId == me)
            && !await FeedQueries.FollowsOf(db, me).AnyAsync(cancellationToken))
        {
            return await ColdStartAsync(context, db, viewer, settings, clock, null, pageSize, cancellationToken);
        }

        return TypedResults.Ok(rows.ToPage(page, context.Request, PostQueries.Position));
    }

    /// <summary>
    /// Popular recent posts for a caller who follows nobody yet: the last <see cref="FeedOptions.ColdStartWindowDays"/>
    /// days ranked by engagement (likes count double, comments once), newest first among equals.
    /// </summary>
    private static async Task<IResult> ColdStartAsync(HttpContext context, GamgyulDbContext db, Viewer viewer,
        FeedOptions settings, TimeProvider clock, RankCursor? after, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? settings.DefaultPageSize, 1, CursorPageRequest.MaxPageSize);
        var since = clock.GetUtcNow().AddDays(-settings.ColdStartWindowDays);
        var posts = db.Posts.VisibleTo(viewer).Where(p => p.CreatedAt >= since);
        if (after is { } position)
        {
            var (score, createdAt, id) = (position.Score, position.CreatedAt, position.Id);
            posts = posts.Where(p => EF.Functions.LessThan(
                ValueTuple.Create(p.LikesCount * 2 + p.CommentsCount, p.CreatedAt, p.Id),
                ValueTuple.Create(score, createdAt, id)));
        }

        var rows = await posts
            .OrderByDescending(p => p.LikesCount * 2 + p.CommentsCount)
            .ThenByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Id)
            .Take(size + 1)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            next = PageLink.With(context.Request, ("cursor", new RankCursor(last.LikesCount * 2 + last.CommentsCount, last.CreatedAt, last.Uuid).Encode()));
        }

        return TypedResults.Ok(new CursorPageResponse<PostResponse>(next, null, rows));
    }

    private static async Task<IResult> PageAsync(IQueryable<Post> posts, GamgyulDbContext db, Viewer viewer,
        CursorPageRequest page, HttpRequest request, CancellationToken cancellationToken)
    {
        var rows = await posts
            .KeysetPage(page, p => p.CreatedAt, p => p.Id)
            .ToResponses(db, viewer)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, PostQueries.Position));
    }
}
