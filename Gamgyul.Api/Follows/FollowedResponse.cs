namespace Gamgyul.Api.Follows;

/// <summary>The answer to a follow: the followed handle (the original's shape) and the caller's new count.</summary>
public sealed record FollowedResponse(string Handle, int FollowsCount);
