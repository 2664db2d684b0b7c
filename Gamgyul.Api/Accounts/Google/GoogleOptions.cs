namespace Gamgyul.Api.Accounts.Google;

/// <summary>
/// The <c>Authentication:Google</c> configuration section. Google sign-in is off until <see cref="ClientId"/>
/// is set. <see cref="Authority"/> can point at any OpenID provider (tests start their own).
/// </summary>
public sealed class GoogleOptions
{
    public const string SectionName = "Authentication:Google";
    public const string GoogleAuthority = "https://accounts.google.com";

    public string Authority { get; set; } = GoogleAuthority;
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Needed only for the authorization-code flow.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The redirect URI the frontend used to get the code (Google's <c>postmessage</c> for popups).</summary>
    public string RedirectUri { get; set; } = "postmessage";

    /// <summary>Only a local test provider may be plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
