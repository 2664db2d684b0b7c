using System.Security.Claims;
using Gamgyul.Api.Accounts;

namespace Gamgyul.Api.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id, or null for an anonymous caller.</summary>
    public static Guid? FindUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(GamgyulClaims.Subject), out var id) ? id : null;

    /// <summary>The signed-in user's id; only for endpoints that require authorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        principal.FindUserId() ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
