namespace Gamgyul.Api.Accounts;

public static class Roles
{
    /// <summary>Moderators: review reports, hide content, change anything.</summary>
    public const string Admin = "admin";
}
