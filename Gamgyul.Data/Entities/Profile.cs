namespace Gamgyul.Data.Entities;

/// <summary>The public profile of a user, stored in the user's row.</summary>
public class Profile
{
    public string Bio { get; set; } = string.Empty;
    public string Link1 { get; set; } = string.Empty;
    public string Link2 { get; set; } = string.Empty;

    /// <summary>The processed avatar, when the user uploaded one.</summary>
    public Guid? AvatarMediaId { get; set; }

    /// <summary>An external image URL, for accounts created by a sign-in provider or older clients.</summary>
    public string ProfileImageUrl { get; set; } = string.Empty;
}
