namespace Gamgyul.Api.Likes;

/// <summary>The outbox payload of like and unlike events.</summary>
public sealed record LikeEvent(Guid UserId, Guid TargetId, LikeKind Kind, DateTimeOffset OccurredAt);
