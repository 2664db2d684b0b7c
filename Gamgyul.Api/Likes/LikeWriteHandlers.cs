using System.Security.Claims;
using FluentValidation;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Likes;

internal static class LikeWriteHandlers
{
    public static async Task<IResult> LikeAsync(LikeKind kind, LikeRequest? body, string? uuid, ClaimsPrincipal user,
        GamgyulDbContext db, IValidator<LikeRequest> validator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (targetId, error) = await LikeTargetId.ResolveAsync(kind, body, uuid, validator, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var viewer = Viewer.From(user);
        if (!await LikeTargets.ExistsAsync(db, kind, targetId!.Value, viewer, cancellationToken))
        {
            return Problems.NotFound(LikeTargets.NotFoundMessage(kind));
        }

        var now = clock.GetUtcNow();
        int? count;
        try
        {
            count = await LikeStore.LikeAsync(db, kind, viewer.Id!.Value, targetId.Value, now, cancellationToken);
        }
        catch (Exception exception) when (exception.IsForeignKeyViolation())
        {
            // Deleted between the check and the insert.
            return Problems.NotFound(LikeTargets.NotFoundMessage(kind));
        }

        if (count is null)
        {
            return Problems.Conflict("Already liked.");
        }

        var me = await db.Users.Where(u => u.Id == viewer.Id).SelectExpanded(u => UserSummaryResponse.From(u)).FirstAsync(cancellationToken);
        return TypedResults.Created((string?)null, new LikedResponse(me, now, count.Value));
    }

    public static async Task<IResult> UnlikeAsync(LikeKind kind, Guid uuid, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        if (!await LikeTargets.ExistsAsync(db, kind, uuid, viewer, cancellationToken))
        {
            return Problems.NotFound(LikeTargets.NotFoundMessage(kind));
        }

        var count = await LikeStore.UnlikeAsync(db, kind, viewer.Id!.Value, uuid, clock.GetUtcNow(), cancellationToken);
        return count is null ? Problems.NotFound("Not liked.") : TypedResults.NoContent();
    }
}
