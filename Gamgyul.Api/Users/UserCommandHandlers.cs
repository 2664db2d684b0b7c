using System.Security.Claims;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Users;

/// <summary>Changes to an account, by its owner only (admins included: moderation has its own routes).</summary>
internal static class UserCommandHandlers
{
    public static Task<Results<Ok<UserSelfResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        string handle, UpdateUserRequest request, ClaimsPrincipal principal, UserManager<User> users, TimeProvider clock) =>
        ApplyAsync(handle, principal, users, clock, request.Handle, request.Username, request.Profile, replace: false);

    public static Task<Results<Ok<UserSelfResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ReplaceAsync(
        string handle, ReplaceUserRequest request, ClaimsPrincipal principal, UserManager<User> users, TimeProvider clock) =>
        ApplyAsync(handle, principal, users, clock, request.Handle, request.Username, request.Profile, replace: true);

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
        TimeProvider clock,
        string? newHandle,
        string? username,
        ProfileUpdate? profile,
        bool replace)
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
            current.ProfileImageUrl = profile?.ProfileImage ?? (replace ? string.Empty : current.ProfileImageUrl);
        }

        user.UpdatedAt = clock.GetUtcNow();
        IdentityResult result;
        try
        {
            result = await users.UpdateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Another account took the handle between Identity's check and the write (unique index).
            return ValidationErrors.Field("handle", "This handle is already taken.");
        }

        if (!result.Succeeded)
        {
            return IdentityErrors.ToProblem(result);
        }

        return TypedResults.Ok(user.ToSelfResponse([.. await users.GetRolesAsync(user)]));
    }

    private static ProblemHttpResult NotOwner() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Only the owner can change or delete this account.");
}
