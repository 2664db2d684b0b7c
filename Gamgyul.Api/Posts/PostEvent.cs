using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Posts;

/// <summary>The outbox payload of post events: enough for the search indexer to (re-)index or drop the post.</summary>
public sealed record PostEvent(Guid PostId, Guid AuthorId, string Text, IReadOnlyList<string> Tags, string? Category,
    ContentStatus Status, DateTimeOffset OccurredAt)
{
    public static PostEvent From(Post post, DateTimeOffset now) =>
        new(post.Id, post.AuthorId, post.Text, post.Tags, post.Category, post.Status, now);
}
