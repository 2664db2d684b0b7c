using System.Security.Claims;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Users;

internal static class UserQueryHandlers
{
    private static readonly char[] SearchSeparators = [' ', ',', '\t', '\n', '\r', '\u3000'];

    public static async Task<Results<Ok<UserSelfResponse>, UnauthorizedHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, UserManager<User> users)
    {
        var user = await users.FindByIdAsync(principal.GetUserId().ToString());
        if (user is null || user.DeletedAt is not null)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(user.ToSelfResponse([.. await users.GetRolesAsync(user)]));
    }

    /// <summary>
    /// Other users, newest first, optionally filtered: every search term (split on spaces and commas) must
    /// occur in the handle or the display name, case-insensitively.
    /// </summary>
    public static async Task<Ok<PageResponse<UserPublicResponse>>> SearchAsync(
        [AsParameters] UserSearchQuery query,
        ClaimsPrincipal principal,
        GamgyulDbContext db,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = principal.GetUserId();
        var users = db.Users.AsNoTracking().Where(u => u.DeletedAt == null && u.UserName != null && u.Id != caller);
        foreach (var term in (query.Search ?? string.Empty).Split(SearchSeparators, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(5))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }

        var page = PageRequest.From(query.Page, query.PageSize);
        var count = await users.CountAsync(cancellationToken);
        var found = await users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var relations = await UserRelations.LoadAsync(db, caller, found.Select(u => u.Id).ToList(), cancellationToken);
        var results = found.Select(u => u.ToPublicResponse(relations.Following.Contains(u.Id), relations.Followers.Contains(u.Id))).ToList();
        return TypedResults.Ok(page.ToResponse(request, count, results));
    }

    /// <summary>Anyone may look a user up; the owner gets their own, fuller view.</summary>
    public static async Task<Results<Ok<UserSelfResponse>, Ok<UserPublicResponse>, NotFound>> GetByHandleAsync(
        string handle,
        ClaimsPrincipal principal,
        UserManager<User> users,
        GamgyulDbContext db,
        CancellationToken cancellationToken)
    {
        if (await FindActiveAsync(users, handle) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var caller = principal.FindUserId();
        if (caller == user.Id)
        {
            return TypedResults.Ok(user.ToSelfResponse([.. await users.GetRolesAsync(user)]));
        }

        var relations = caller is { } id
            ? await UserRelations.LoadAsync(db, id, [user.Id], cancellationToken)
            : UserRelations.None;
        return TypedResults.Ok(user.ToPublicResponse(relations.Following.Contains(user.Id), relations.Followers.Contains(user.Id)));
    }

    /// <summary>The active user with this handle; null for anything that cannot be a handle.</summary>
    public static async Task<User?> FindActiveAsync(UserManager<User> users, string handle)
    {
        if (handle.Length > HandleRules.MaxLength || !handle.All(HandleRules.Characters.Contains))
        {
            return null;
        }

        var user = await users.FindByNameAsync(handle);
        return user is { DeletedAt: null } ? user : null;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
