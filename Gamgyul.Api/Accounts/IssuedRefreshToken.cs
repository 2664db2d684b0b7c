namespace Gamgyul.Api.Accounts;

/// <summary>A refresh token as handed to the client (the server keeps only its hash).</summary>
public sealed record IssuedRefreshToken(string Token, DateTimeOffset ExpiresAt);
