using System.Security.Claims;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Users;

/// <summary>Changes to an account, by its owner only (admins included: moderation has its own routes).</summary>
internal static class UserCommandHandlers
{
    private const int AvatarWidth = 320;

    public static Task<Results<Ok<UserSelfResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        string handle, UpdateUserRequest request, ClaimsPrincipal principal, UserManager<User> users, MediaAttachments media,
        GamgyulDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(handle, principal, users, media, db, clock, request.Handle, request.Username, request.Profile, replace: false, cancellationToken);

    public static Task<Results<Ok<UserSelfResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReplaceAsync(
        string handle, ReplaceUserRequest request, ClaimsPrincipal principal, UserManager<User> users, MediaAttachments media,
        GamgyulDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ApplyAsync(handle, principal, users, media, db, clock, request.Handle, request.Username, request.Profile, replace: true, cancellationToken);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string handle,
        ClaimsPrincipal principal,
        UserManager<User> users,
        AccountDeletion deletion,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (await UserQueryHandlers.FindActiveAsync(users, handle) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (user.Id != principal.GetUserId())
        {
            return NotOwner();
        }

        await deletion.DeleteAsync(user.Id, cancellationToken);
        RefreshCookie.Clear(response);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserSelfResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ApplyAsync(
        string handle,
        ClaimsPrincipal principal,
        UserManager<User> users,
        MediaAttachments media,
        GamgyulDbContext db,
        TimeProvider clock,
        string? newHandle,
        string? username,
        ProfileUpdate? profile,
        bool replace,
        CancellationToken cancellationToken)
    {
        if (await UserQueryHandlers.FindActiveAsync(users, handle) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (user.Id != principal.GetUserId())
        {
            return NotOwner();
        }

        // The handle is only the public name: the token subject is the id, so a new handle keeps every
        // session valid. (Identity's SetUserNameAsync would change the security stamp, so it is not used.)
        if (newHandle is not null)
        {
            user.UserName = newHandle;
        }

        if (username is not null)
        {
            user.DisplayName = username.Trim();
        }

        if (profile is not null || replace)
        {
            var current = user.Profile;
            current.Bio = profile?.Bio ?? (replace ? string.Empty : current.Bio);
            current.Link1 = profile?.Link1 ?? (replace ? string.Empty : current.Link1);
            current.Link2 = profile?.Link2 ?? (replace ? string.Empty : current.Link2);
            if (profile?.ProfileImage is { Length: > 0 } image && MediaReference.TryParse(image, out _))
            {
                // An uploaded avatar: stored as its display URL (the 320 px variant), so every response keeps a URL.
                var avatar = await media.ResolveAsync(user.Id, [image], "profile.profile_image", AvatarWidth, cancellationToken);
                if (avatar.Failed)
                {
                    return ValidationErrors.Field("profile.profile_image", avatar.ErrorMessage!);
                }

                current.AvatarMediaId = avatar.Images[0].MediaId;
                current.ProfileImageUrl = avatar.Images[0].Url;
            }
            else if (profile?.ProfileImage is not null || replace)
            {
                current.AvatarMediaId = null;
                current.ProfileImageUrl = profile?.ProfileImage ?? string.Empty;
            }
        }

        var now = clock.GetUtcNow();
        user.UpdatedAt = now;
        // Identity's store saves through this same context, so the event is written in the user's own
        // SaveChanges (one transaction), and not at all when Identity refuses the change.
        var changed = db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.UserUpdated, user.Id.ToString(), UserEvent.From(user, now), now));
        IdentityResult result;
        try
        {
            result = await users.UpdateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Another account took the handle between Identity's check and the write (unique index).
            changed.State = EntityState.Detached;
            return ValidationErrors.Field("handle", "This handle is already taken.");
        }

        if (!result.Succeeded)
        {
            changed.State = EntityState.Detached;
            return IdentityErrors.ToProblem(result);
        }

        return TypedResults.Ok(user.ToSelfResponse([.. await users.GetRolesAsync(user)]));
    }

    private static ProblemHttpResult NotOwner() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Only the owner can change or delete this account.");
}
