namespace Gamgyul.Api.Accounts;

/// <summary>Codes of Gamgyul's own Identity errors (Identity's built-in codes are used as they are).</summary>
public static class AccountErrorCodes
{
    public const string InvalidHandle = "InvalidHandle";
    public const string ReservedHandle = "ReservedHandle";
    public const string PasswordAllDigits = "PasswordAllDigits";
    public const string PasswordTooCommon = "PasswordTooCommon";
    public const string PasswordTooSimilar = "PasswordTooSimilar";
    public const string PasswordTooLong = "PasswordTooLong";
}
