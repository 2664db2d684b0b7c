namespace Gamgyul.Api.Accounts;

/// <summary>Sign-in by e-mail and password.</summary>
public sealed record LoginRequest(string? Email, string? Password);
