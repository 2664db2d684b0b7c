namespace Gamgyul.Api.Accounts;

/// <summary>A new access token and the refresh token that replaces the one just used.</summary>
public sealed record TokenPairResponse(string Access, string Refresh, DateTimeOffset AccessExpiration, DateTimeOffset RefreshExpiration);
