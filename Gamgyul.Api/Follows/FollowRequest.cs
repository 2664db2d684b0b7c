namespace Gamgyul.Api.Follows;

/// <summary>The body of <c>POST /follows/</c>: the handle to follow.</summary>
public sealed record FollowRequest(string? Handle);
