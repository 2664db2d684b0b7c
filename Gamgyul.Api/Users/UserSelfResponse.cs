namespace Gamgyul.Api.Users;

/// <summary>The caller's own account: the public fields plus e-mail and roles.</summary>
public sealed record UserSelfResponse(
    string Handle,
    string Username,
    string Email,
    ProfileResponse Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsStaff,
    bool IsPublic,
    int FollowsCount,
    int FollowersCount,
    IReadOnlyList<string> Roles,
    bool HasPassword);
