using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Accounts;

public static class Roles
{
    /// <summary>Moderators: review reports, hide content. Seeded by the migrations (see <see cref="SystemRoles"/>).</summary>
    public const string Admin = SystemRoles.Admin;
}
