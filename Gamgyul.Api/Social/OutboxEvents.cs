namespace Gamgyul.Api.Social;

/// <summary>Integration event types written to the outbox by the social features (the search issue consumes them).</summary>
public static class OutboxEvents
{
    public const string PostCreated = "post.created";
    public const string PostUpdated = "post.updated";
    public const string PostDeleted = "post.deleted";
    public const string CommentCreated = "comment.created";
    public const string CommentUpdated = "comment.updated";
    public const string CommentDeleted = "comment.deleted";
    public const string ProductCreated = "product.created";
    public const string ProductUpdated = "product.updated";
    public const string ProductDeleted = "product.deleted";
    public const string PostLiked = "post.liked";
    public const string PostUnliked = "post.unliked";
    public const string CommentLiked = "comment.liked";
    public const string CommentUnliked = "comment.unliked";
    public const string UserFollowed = "user.followed";
    public const string UserUnfollowed = "user.unfollowed";
    public const string ReportCreated = "report.created";
    public const string ReportUpdated = "report.updated";
    public const string ChatMessageHidden = "chat_message.hidden";
    public const string UserSuspended = "user.suspended";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
}
