namespace Gamgyul.Api.Posts;

/// <summary>A previewed comment (no parent) or the first reply of one (its parent set), and the post it belongs to.</summary>
public sealed record CommentPreviewRow(Guid PostId, Guid? ParentId, CommentPreviewResponse Comment);
