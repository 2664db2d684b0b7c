namespace Gamgyul.Api.Follows;

/// <summary>The outbox payload of follow and unfollow events.</summary>
public sealed record FollowEvent(Guid FollowerId, Guid FolloweeId, DateTimeOffset OccurredAt);
