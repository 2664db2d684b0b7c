using Gamgyul.Api.Users;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>Signs a user in: an access token, a new refresh-token family and the refresh cookie.</summary>
public sealed class SessionIssuer(UserManager<User> users, AccessTokenIssuer accessTokens, RefreshTokenService refreshTokens)
{
    public async Task<SessionResponse> StartAsync(User user, HttpResponse response, CancellationToken cancellationToken)
    {
        var (access, refresh) = await IssuePairAsync(user, cancellationToken);
        RefreshCookie.Set(response, refresh);
        return new SessionResponse(access.Token, refresh.Token, access.ExpiresAt, refresh.ExpiresAt, user.ToAuthResponse());
    }

    /// <summary>An access token for <paramref name="user"/> with the user's current roles.</summary>
    public async Task<IssuedAccessToken> IssueAccessTokenAsync(User user) =>
        accessTokens.IssueToken(user, await users.GetRolesAsync(user));

    private async Task<(IssuedAccessToken Access, IssuedRefreshToken Refresh)> IssuePairAsync(User user, CancellationToken cancellationToken)
    {
        var access = await IssueAccessTokenAsync(user);
        var refresh = await refreshTokens.IssueAsync(user.Id, cancellationToken);
        return (access, refresh);
    }
}
