using Gamgyul.Api.Social;

namespace Gamgyul.Api.Likes;

/// <summary>A row of "who liked": the same <c>like_user</c> shape on all three endpoints (the original had three).</summary>
public sealed record LikerResponse(UserSummaryResponse LikeUser, DateTimeOffset CreatedAt);
