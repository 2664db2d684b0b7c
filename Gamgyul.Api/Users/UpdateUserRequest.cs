namespace Gamgyul.Api.Users;

/// <summary>PATCH: any subset of handle, display name (<c>username</c>) and profile fields.</summary>
public sealed record UpdateUserRequest(string? Handle, string? Username, ProfileUpdate? Profile);
