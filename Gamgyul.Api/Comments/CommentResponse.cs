using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Comments;

/// <summary>A comment or a reply (a reply names its <c>parent</c>), with its public id so it can be liked and answered.</summary>
public sealed record CommentResponse(
    Guid Uuid,
    Guid Post,
    Guid? Parent,
    string Content,
    UserSummaryResponse User,
    ContentStatus Status,
    int LikesCount,
    int RepliesCount,
    bool IsLiked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
