using System.Linq.Expressions;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Users;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Social;

/// <summary>
/// A user as shown inside posts, comments, likes, follows, products and reports (the original's
/// <c>UserPublic</c>): public fields only, never the e-mail or roles.
/// </summary>
public sealed record UserSummaryResponse(
    string Handle,
    string Username,
    ProfileResponse Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsPublic,
    int FollowsCount,
    int FollowersCount)
{
    internal static Expression<Func<User, UserSummaryResponse>> Projection { get; } = u => new UserSummaryResponse(
        u.UserName!,
        u.DisplayName,
        new ProfileResponse(u.Profile.Bio, u.Profile.Link1, u.Profile.Link2, u.Profile.ProfileImageUrl),
        u.CreatedAt,
        u.UpdatedAt,
        u.IsPublic,
        u.FollowsCount,
        u.FollowersCount);

    private static readonly Func<User, UserSummaryResponse> Compiled = Projection.Compile();

    /// <summary>Usable inside queries passed through <see cref="ProjectionExpander"/>.</summary>
    [Expandable(nameof(Projection))]
    public static UserSummaryResponse From(User user) => Compiled(user);
}
