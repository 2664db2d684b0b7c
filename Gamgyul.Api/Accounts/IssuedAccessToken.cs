namespace Gamgyul.Api.Accounts;

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
