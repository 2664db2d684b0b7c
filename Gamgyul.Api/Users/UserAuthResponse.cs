namespace Gamgyul.Api.Users;

/// <summary>The <c>user</c> of sign-in and sign-up responses.</summary>
public sealed record UserAuthResponse(ProfileResponse Profile, string Username, string Handle, string Email);
