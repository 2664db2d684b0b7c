namespace Gamgyul.Api.Accounts;

/// <summary>The outcome of a successful rotation: whose token it was, and its successor.</summary>
public sealed record RotatedRefreshToken(Guid UserId, IssuedRefreshToken Next);
