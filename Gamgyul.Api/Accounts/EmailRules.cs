using System.Net.Mail;

namespace Gamgyul.Api.Accounts;

/// <summary>What an account's e-mail address may be, and its stored form.</summary>
public static class EmailRules
{
    public const int MaxLength = 254;

    /// <summary>A single plain address (<c>local@domain.tld</c>), no display name, no spaces.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    /// <summary>Trims and lower-cases the domain (the local part is case-sensitive in theory; uniqueness is case-insensitive).</summary>
    public static string Normalize(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        return at < 0 ? trimmed : string.Concat(trimmed.AsSpan(0, at + 1), trimmed[(at + 1)..].ToLowerInvariant());
    }
}
