using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;

namespace Gamgyul.Api.Follows;

public static class FollowEndpoints
{
    public static IEndpointRouteBuilder MapFollowEndpoints(this IEndpointRouteBuilder app)
    {
        var follows = app.MapGroup("/follows").WithTags("Follows");

        follows.MapPost("", FollowHandlers.FollowAsync)
            .WithName("Follow")
            .WithSummary("Follow a user by handle (409 if already following)")
            .RequireActiveWriter()
            .Validate<FollowRequest>();
        follows.MapGet("/{handle}/follows", FollowHandlers.FollowingAsync)
            .WithName("ListFollowing")
            .WithSummary("Whom the user follows, newest first");
        follows.MapGet("/{handle}/followers", FollowHandlers.FollowersAsync)
            .WithName("ListFollowers")
            .WithSummary("Who follows the user, newest first");
        follows.MapDelete("/{handle}/unfollow", FollowHandlers.UnfollowAsync)
            .WithName("Unfollow")
            .WithSummary("Stop following the user")
            .RequireActiveWriter();
        follows.MapDelete("/{handle}/unfollower", FollowHandlers.RemoveFollowerAsync)
            .WithName("RemoveFollower")
            .WithSummary("Remove the user from the caller's followers")
            .RequireActiveWriter();

        return app;
    }
}
