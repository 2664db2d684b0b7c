namespace Gamgyul.Api.Accounts.Google;

/// <summary>
/// Google sign-in with the authorization <c>code</c> the frontend received, or with an <c>id_token</c>
/// (e.g. from Google Identity Services). <c>access_token</c> is accepted for compatibility and ignored.
/// </summary>
public sealed record GoogleLoginRequest(string? Code, string? IdToken, string? AccessToken);
