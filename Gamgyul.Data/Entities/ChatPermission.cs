namespace Gamgyul.Data.Entities;

/// <summary>Who may start a chat with a user (open a direct room, or add them to a group).</summary>
public enum ChatPermission
{
    Everyone,

    /// <summary>Only the user's followers.</summary>
    Followers,
    Nobody,
}
