using System.Security.Claims;
using Gamgyul.Api.Accounts.Google;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts.EntraId;

/// <summary>
/// Replaces a validated Entra ID principal by the local account it maps to (created on first use), so that
/// every endpoint sees the same claims as with a Gamgyul token: <c>sub</c> = local user id, <c>role</c>.
/// </summary>
internal sealed class EntraIdAccountMapper(ExternalAccountLinker accounts, UserManager<User> users)
{
    public const string ProviderName = "EntraId";

    public async Task MapAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var objectId = First(principal, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier");
        var tenantId = First(principal, "tid", "http://schemas.microsoft.com/identity/claims/tenantid");
        if (objectId is null || tenantId is null)
        {
            context.Fail("The Entra ID token has no oid or tid claim.");
            return;
        }

        // The configured tenant is trusted to vouch for its users' addresses; preferred_username is used only
        // when it is an address at all.
        var email = First(principal, "email", ClaimTypes.Email);
        if (email is null && First(principal, "preferred_username", "upn", ClaimTypes.Upn) is { } username && EmailRules.IsValid(username))
        {
            email = username;
        }

        if (email is null || !EmailRules.IsValid(email))
        {
            context.Fail("The Entra ID token carries no e-mail address.");
            return;
        }

        var identity = new ExternalIdentity(ProviderName, $"{tenantId}:{objectId}", email, EmailVerified: true,
            First(principal, "name"), PictureUrl: null);
        var result = await accounts.SignInAsync(identity, context.HttpContext.RequestAborted);
        if (result.User is not { } user)
        {
            context.Fail(result.Error ?? "No local account.");
            return;
        }

        var claims = new List<Claim> { new(GamgyulClaims.Subject, user.Id.ToString()), new("amr", "entra_id") };
        claims.AddRange((await users.GetRolesAsync(user)).Select(role => new Claim(GamgyulClaims.Role, role)));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, EntraIdAuthentication.Scheme,
            GamgyulClaims.Subject, GamgyulClaims.Role));
    }

    private static string? First(ClaimsPrincipal? principal, params string[] types) =>
        types.Select(type => principal?.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
