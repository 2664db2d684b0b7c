using Gamgyul.Api.Social;

namespace Gamgyul.Api.Follows;

/// <summary>A row of "whom X follows": <c>user</c> is the followed person (the original showed X in every row).</summary>
public sealed record FollowingResponse(UserSummaryResponse User, DateTimeOffset CreatedAt);
