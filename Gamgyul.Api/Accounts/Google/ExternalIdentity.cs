namespace Gamgyul.Api.Accounts.Google;

/// <summary>A person as an external identity provider vouches for them.</summary>
public sealed record ExternalIdentity(
    string Provider,
    string Subject,
    string Email,
    bool EmailVerified,
    string? Name,
    string? PictureUrl);
