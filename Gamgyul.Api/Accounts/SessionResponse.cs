using Gamgyul.Api.Users;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// The answer to a successful sign-in or sign-up. The refresh token is in the body (for mobile and API
/// clients) and also in the HttpOnly <c>refresh_token</c> cookie (for browsers).
/// </summary>
public sealed record SessionResponse(
    string Access,
    string Refresh,
    DateTimeOffset AccessExpiration,
    DateTimeOffset RefreshExpiration,
    UserAuthResponse User);
