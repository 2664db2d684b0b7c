using System.Security.Cryptography;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Handles for new accounts: <c>user_</c> and ten random characters. Random rather than derived from the
/// e-mail address, which must not leak into a public name; the user picks a real handle later.
/// </summary>
public static class HandleGenerator
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Next() => "user_" + RandomNumberGenerator.GetString(Alphabet, 10);
}
