namespace Gamgyul.Api.Likes;

/// <summary>
/// The optional body of a like. The target may be named by its kind's field (<c>post_uuid</c>,
/// <c>comment_uuid</c>, <c>reply_uuid</c>), by <c>uuid</c>, or by <c>?uuid=</c> instead of a body: the
/// original's three endpoints each took it differently, and its clients use all of these.
/// </summary>
public sealed record LikeRequest(string? PostUuid, string? CommentUuid, string? ReplyUuid, string? Uuid);
