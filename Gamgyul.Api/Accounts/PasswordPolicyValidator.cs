using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// The rules Identity's own validator lacks (it checks the length): not all digits, not a common password,
/// not too similar to the e-mail address, handle or display name, and not absurdly long.
/// </summary>
internal sealed class PasswordPolicyValidator : IPasswordValidator<User>
{
    public const int MaxLength = 128;
    private const double MaxSimilarity = 0.7;
    private static readonly char[] AttributeSeparators = ['@', '.', '_', '-', '+', ' '];

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        password ??= string.Empty;
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = AccountErrorCodes.PasswordTooLong, Description = $"A password is at most {MaxLength} characters." });
        }

        if (password.Length > 0 && password.All(char.IsAsciiDigit))
        {
            errors.Add(new IdentityError { Code = AccountErrorCodes.PasswordAllDigits, Description = "This password is entirely numeric." });
        }

        if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError { Code = AccountErrorCodes.PasswordTooCommon, Description = "This password is too common." });
        }

        if (IsTooSimilar(password, user))
        {
            errors.Add(new IdentityError { Code = AccountErrorCodes.PasswordTooSimilar, Description = "The password is too similar to the e-mail address or the name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsTooSimilar(string password, User user)
    {
        var candidate = password.ToLowerInvariant();
        foreach (var attribute in new[] { user.Email, user.UserName, user.DisplayName })
        {
            if (string.IsNullOrWhiteSpace(attribute))
            {
                continue;
            }

            var value = attribute.ToLowerInvariant();
            var parts = value.Split(AttributeSeparators, StringSplitOptions.RemoveEmptyEntries).Append(value);
            if (parts.Any(part => part.Length >= 3 && Similarity(candidate, part) >= MaxSimilarity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>2·LCS / (|a| + |b|): 1 for equal strings, 0 for strings with no letter in common order.</summary>
    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return 2.0 * previous[b.Length] / (a.Length + b.Length);
    }
}
