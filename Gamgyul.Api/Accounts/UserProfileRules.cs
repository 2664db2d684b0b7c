namespace Gamgyul.Api.Accounts;

/// <summary>Limits of the editable profile fields (they match the database columns).</summary>
public static class UserProfileRules
{
    public const int DisplayNameMaxLength = 30;
    public const int BioMaxLength = 500;
    public const int LinkMaxLength = 300;
    public const int ProfileImageMaxLength = 500;

    /// <summary>Empty (no link) or an absolute http(s) URL.</summary>
    public static bool IsLinkOrEmpty(string? value) =>
        string.IsNullOrEmpty(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
