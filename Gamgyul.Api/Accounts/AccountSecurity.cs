namespace Gamgyul.Api.Accounts;

/// <summary>What follows a change of credentials: every refresh token revoked, cached stamp dropped.</summary>
public sealed class AccountSecurity(RefreshTokenService refreshTokens, SecurityStampCache stamps)
{
    /// <summary>
    /// Call after the security stamp changed (Identity changes it with the password): access tokens stop at
    /// their next request, refresh tokens at once.
    /// </summary>
    public async Task SignOutEverywhereAsync(Guid userId, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeAllAsync(userId, cancellationToken);
        await stamps.InvalidateAsync(userId);
    }
}
