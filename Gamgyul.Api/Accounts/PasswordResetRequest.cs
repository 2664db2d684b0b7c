namespace Gamgyul.Api.Accounts;

/// <summary>Asks for a password-reset link by e-mail.</summary>
public sealed record PasswordResetRequest(string? Email);
