using Gamgyul.Api.Social;

namespace Gamgyul.Api.Posts;

/// <summary>One of the first comments shown under a post, with its first reply (filled by <see cref="PostResponseQuery"/>).</summary>
public sealed record CommentPreviewResponse(
    Guid Uuid,
    string Content,
    UserSummaryResponse User,
    int LikesCount,
    int RepliesCount,
    DateTimeOffset CreatedAt,
    ReplyPreviewResponse? Reply);
