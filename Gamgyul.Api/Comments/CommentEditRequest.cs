namespace Gamgyul.Api.Comments;

/// <summary>The body of <c>PATCH /comments/{uuid}/</c>.</summary>
public sealed record CommentEditRequest(string? Content);
