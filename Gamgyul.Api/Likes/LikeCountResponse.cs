namespace Gamgyul.Api.Likes;

/// <summary><c>GET .../{uuid}/</c>: the number of likes, and whether the caller is one of them.</summary>
public sealed record LikeCountResponse(int LikeCount, bool IsLiked);
