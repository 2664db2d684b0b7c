namespace Gamgyul.Api.Users;

/// <summary>
/// Another user as the caller sees them; the relation flags are false for anonymous callers. <c>uuid</c> is the
/// user's id, the <c>target_id</c> that <c>POST /reports/</c> takes for <c>target_type=user</c>.
/// </summary>
public sealed record UserPublicResponse(
    Guid Uuid,
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
