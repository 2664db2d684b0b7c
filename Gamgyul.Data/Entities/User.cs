using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Data.Entities;

/// <summary>
/// An account. The immutable <see cref="IdentityUser{TKey}.Id"/> identifies the user everywhere (tokens,
/// foreign keys). The public, changeable handle (<c>@handle</c>) is Identity's
/// <see cref="IdentityUser{TKey}.UserName"/> (column <c>handle</c>), so Identity keeps it unique
/// case-insensitively through <c>normalized_handle</c>.
/// </summary>
public class User : IdentityUser<Guid>
{

    /// <summary>The display name, called <c>username</c> in the API contract.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public Profile Profile { get; set; } = new();
    public bool IsPublic { get; set; } = true;
    public int FollowsCount { get; set; }
    public int FollowersCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the account is deleted; a deleted account can no longer sign in or be found.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
