namespace Gamgyul.Api.Accounts;

/// <summary>Completes a reset with the <c>uid</c> and <c>token</c> of the e-mailed link.</summary>
public sealed record PasswordResetConfirmRequest(string? Uid, string? Token, string? NewPassword1, string? NewPassword2);
