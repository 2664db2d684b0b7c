namespace Gamgyul.Api.Accounts;

/// <summary>Claim types in Gamgyul's access tokens.</summary>
public static class GamgyulClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string SecurityStamp = "sstamp";
}
