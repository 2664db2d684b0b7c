namespace Gamgyul.Api.Users;

/// <summary>PUT: handle, display name and profile are all required; profile fields left out become "".</summary>
public sealed record ReplaceUserRequest(string? Handle, string? Username, ProfileUpdate? Profile);
