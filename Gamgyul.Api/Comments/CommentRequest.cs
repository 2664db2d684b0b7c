namespace Gamgyul.Api.Comments;

/// <summary>
/// The body of <c>POST /comments/</c>: the post's uuid, the text, and optionally the comment answered.
/// Ids are strings so a malformed one is a field error, not an unreadable body.
/// </summary>
public sealed record CommentRequest(string? Post, string? Content, string? Parent);
