namespace Gamgyul.Api.Infrastructure;

/// <summary>User text inside a LIKE/ILIKE pattern: its wildcards are matched literally.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
