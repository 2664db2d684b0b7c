namespace Gamgyul.Api.Accounts;

/// <summary>
/// A password change signs out every other session; the caller gets fresh tokens (its old ones stop
/// working with the change, like everyone else's).
/// </summary>
public sealed record PasswordChangedResponse(string Detail, string Access, string Refresh, DateTimeOffset AccessExpiration, DateTimeOffset RefreshExpiration);
