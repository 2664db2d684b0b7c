using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Follows;

internal static class FollowHandlers
{
    private const int DefaultPageSize = 20;

    public static async Task<IResult> FollowAsync(FollowRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        UserDirectory users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        if (await users.FindIdAsync(request.Handle!, cancellationToken) is not { } target)
        {
            return Problems.NotFound("User not found.");
        }

        if (target == me)
        {
            return Problems.Invalid("handle", "You cannot follow yourself.");
        }

        if (!await FollowGraph.AddAsync(db, me, target, clock.GetUtcNow(), cancellationToken))
        {
            return Problems.Conflict("You are already following this user.");
        }

        var count = await db.Users.Where(u => u.Id == me).Select(u => u.FollowsCount).FirstAsync(cancellationToken);
        var handle = await db.Users.Where(u => u.Id == target).Select(u => u.UserName!).FirstAsync(cancellationToken);
        return TypedResults.Created($"/follows/{handle}/followers/", new FollowedResponse(handle, count));
    }

    public static async Task<IResult> UnfollowAsync(string handle, ClaimsPrincipal user, GamgyulDbContext db,
        UserDirectory users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await users.FindIdAsync(handle, cancellationToken) is not { } target)
        {
            return Problems.NotFound("User not found.");
        }

        return await FollowGraph.RemoveAsync(db, user.GetUserId(), target, clock.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You are not following this user.");
    }

    public static async Task<IResult> RemoveFollowerAsync(string handle, ClaimsPrincipal user, GamgyulDbContext db,
        UserDirectory users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await users.FindIdAsync(handle, cancellationToken) is not { } follower)
        {
            return Problems.NotFound("User not found.");
        }

        // The removed follower's follows_count goes down, and the caller's followers_count (the original got this wrong).
        return await FollowGraph.RemoveAsync(db, follower, user.GetUserId(), clock.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("This user is not your follower.");
    }

    public static async Task<IResult> FollowingAsync(string handle, HttpRequest request, GamgyulDbContext db,
        UserDirectory users, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (await users.FindIdAsync(handle, cancellationToken) is not { } id)
        {
            return Problems.NotFound("User not found.");
        }

        var rows = await db.Follows
            .Where(f => f.FollowerId == id && f.Followee!.DeletedAt == null)
            .KeysetPage(page, f => f.CreatedAt, f => f.FolloweeId)
            .SelectExpanded(f => new Row(f.FolloweeId, UserSummaryResponse.From(f.Followee!), f.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, r => new KeysetCursor(r.CreatedAt, r.OtherId))
            .Map(r => new FollowingResponse(r.User, r.CreatedAt)));
    }

    public static async Task<IResult> FollowersAsync(string handle, HttpRequest request, GamgyulDbContext db,
        UserDirectory users, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        if (await users.FindIdAsync(handle, cancellationToken) is not { } id)
        {
            return Problems.NotFound("User not found.");
        }

        var rows = await db.Follows
            .Where(f => f.FolloweeId == id && f.Follower!.DeletedAt == null)
            .KeysetPage(page, f => f.CreatedAt, f => f.FollowerId)
            .SelectExpanded(f => new Row(f.FollowerId, UserSummaryResponse.From(f.Follower!), f.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, r => new KeysetCursor(r.CreatedAt, r.OtherId))
            .Map(r => new FollowerResponse(r.User, r.CreatedAt)));
    }

    private sealed record Row(Guid OtherId, UserSummaryResponse User, DateTimeOffset CreatedAt);
}
