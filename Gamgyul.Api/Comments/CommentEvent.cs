namespace Gamgyul.Api.Comments;

/// <summary>The outbox payload of comment events.</summary>
public sealed record CommentEvent(Guid CommentId, Guid PostId, Guid? ParentId, Guid AuthorId, string Content, DateTimeOffset OccurredAt);
