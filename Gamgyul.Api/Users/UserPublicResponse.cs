namespace Gamgyul.Api.Users;

/// <summary>Another user as the caller sees them; the relation flags are false for anonymous callers.</summary>
public sealed record UserPublicResponse(
    string Handle,
    string Username,
    ProfileResponse Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsPublic,
    int FollowsCount,
    int FollowersCount,
    bool IsFollowing,
    bool IsFollower);
