namespace Gamgyul.Api.Posts;

/// <summary>The body of <c>POST /posts/p/</c> and <c>PUT /posts/p/{uuid}/</c>: <c>text</c> is required.</summary>
public sealed record PostRequest(string? Text, List<string?>? Tags, List<string?>? Images, string? Category) : IPostFields;
