namespace Gamgyul.Api.Accounts;

/// <summary>Refresh or logout: the refresh token, or nothing to use the <c>refresh_token</c> cookie.</summary>
public sealed record RefreshRequest(string? Refresh);
