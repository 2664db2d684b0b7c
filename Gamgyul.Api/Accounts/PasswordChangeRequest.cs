namespace Gamgyul.Api.Accounts;

/// <summary>
/// A new password for the signed-in user. <c>old_password</c> is required when the account has a password;
/// an account made by Google or Entra ID sign-in sets its first password without it.
/// </summary>
public sealed record PasswordChangeRequest(string? OldPassword, string? NewPassword1, string? NewPassword2);
