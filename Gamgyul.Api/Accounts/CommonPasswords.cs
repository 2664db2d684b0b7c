using System.Collections.Frozen;

namespace Gamgyul.Api.Accounts;

/// <summary>The list of passwords that are refused as too common (embedded <c>common-passwords.txt</c>).</summary>
internal static class CommonPasswords
{
    private static readonly FrozenSet<string> List = Load();

    /// <summary>True when the password, or its stem before trailing digits and symbols, is a common one.</summary>
    public static bool Contains(string password)
    {
        var lower = password.ToLowerInvariant();
        if (List.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.?~".ToCharArray());
        return stem.Length >= 4 && stem.Length < lower.Length && List.Contains(stem);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Gamgyul.Api.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-passwords.txt is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
