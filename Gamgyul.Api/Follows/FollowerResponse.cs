using Gamgyul.Api.Social;

namespace Gamgyul.Api.Follows;

/// <summary>A row of "who follows X": <c>follower</c> is the following person.</summary>
public sealed record FollowerResponse(UserSummaryResponse Follower, DateTimeOffset CreatedAt);
