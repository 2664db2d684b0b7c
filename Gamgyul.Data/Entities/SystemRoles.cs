namespace Gamgyul.Data.Entities;

/// <summary>
/// Roles that exist in every database from the first migration on, with fixed ids, so that features can
/// rely on them without seeding at start-up.
/// </summary>
public static class SystemRoles
{
    /// <summary>Moderators: review reports, hide content.</summary>
    public const string Admin = "admin";

    public static readonly Guid AdminId = new("0192f5a0-0000-7000-8000-000000000001");
}
