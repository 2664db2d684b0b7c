using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Users;

internal static class UserMapping
{
    public static ProfileResponse ToProfileResponse(this User user) =>
        new(user.Profile.Bio, user.Profile.Link1, user.Profile.Link2, user.Profile.ProfileImageUrl);

    public static UserAuthResponse ToAuthResponse(this User user) =>
        new(user.ToProfileResponse(), user.DisplayName, user.UserName ?? string.Empty, user.Email ?? string.Empty);

    public static UserPublicResponse ToPublicResponse(this User user, bool isFollowing, bool isFollower) =>
        new(user.Id, user.UserName ?? string.Empty, user.DisplayName, user.ToProfileResponse(), user.CreatedAt, user.UpdatedAt,
            user.IsPublic, user.FollowsCount, user.FollowersCount, isFollowing, isFollower);

    public static UserSelfResponse ToSelfResponse(this User user, IReadOnlyList<string> roles) =>
        new(user.UserName ?? string.Empty, user.DisplayName, user.Email ?? string.Empty, user.ToProfileResponse(),
            user.CreatedAt, user.UpdatedAt, roles.Contains(Roles.Admin), user.IsPublic, user.FollowsCount,
            user.FollowersCount, roles, user.PasswordHash is not null);
}
