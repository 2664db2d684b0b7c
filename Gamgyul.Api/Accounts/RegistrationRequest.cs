namespace Gamgyul.Api.Accounts;

/// <summary>
/// Sign-up: <c>{email, username, password1, password2}</c> as the original, or <c>{email, username,
/// password}</c>. <c>username</c> is the display name; the handle is generated and changed later.
/// </summary>
public sealed record RegistrationRequest(string? Email, string? Username, string? Password1, string? Password2, string? Password)
{
    /// <summary>The password and the JSON field it came from.</summary>
    public (string Value, string Field) ChosenPassword =>
        Password1 is not null ? (Password1, "password1") : (Password ?? string.Empty, "password");
}
