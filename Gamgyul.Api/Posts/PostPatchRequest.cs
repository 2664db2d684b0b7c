namespace Gamgyul.Api.Posts;

/// <summary>The body of <c>PATCH /posts/p/{uuid}/</c>: an absent (null) field keeps its value.</summary>
public sealed record PostPatchRequest(string? Text, List<string?>? Tags, List<string?>? Images, string? Category) : IPostFields;
