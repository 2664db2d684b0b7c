using System.Text.Json.Serialization;
using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Posts;

/// <summary>
/// A post as every endpoint returns it (the original's shape, with its bugs fixed): the author, the tags as
/// a list, the counts, <c>is_liked</c> for the caller (false for anonymous callers) and the first comments.
/// </summary>
public sealed record PostResponse(
    Guid Uuid,
    UserSummaryResponse User,
    string? Category,
    IReadOnlyList<CommentPreviewResponse> Comments,
    ContentStatus Status,
    IReadOnlyList<string> Images,
    string Text,
    IReadOnlyList<string> Tags,
    long ViewsCount,
    int LikesCount,
    int CommentsCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsLiked)
{
    /// <summary>The author's id, for decisions the server makes about a page (never sent: users are known by handle).</summary>
    [JsonIgnore]
    public Guid AuthorId { get; init; }
}
