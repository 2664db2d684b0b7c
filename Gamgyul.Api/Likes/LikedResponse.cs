using Gamgyul.Api.Social;

namespace Gamgyul.Api.Likes;

/// <summary>The answer to a like: who liked (the original's <c>like_user</c>), when, and the new count.</summary>
public sealed record LikedResponse(UserSummaryResponse LikeUser, DateTimeOffset CreatedAt, int LikesCount);
