using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Tags in one canonical form: Unicode NFC (so Hangul typed by any input method compares equal), no
/// leading <c>#</c>, no whitespace, lower case, unique, in first-seen order. A tag is letters (any script,
/// Hangul included), digits and underscores.
/// </summary>
public static partial class TagParser
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 50;

    /// <summary>Normalises one tag; null when nothing usable is left or it has characters a tag cannot have.</summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormC).TrimStart().TrimStart('#'))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        var tag = builder.ToString().ToLowerInvariant();
        return tag.Length is > 0 and <= MaxTagLength && tag.All(IsTagCharacter) ? tag : null;
    }

    /// <summary>The <c>#hashtags</c> of a text, normalised, in order of appearance.</summary>
    public static IEnumerable<string> FromText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (Match match in Hashtag().Matches(text.Normalize(NormalizationForm.FormC)))
        {
            if (Normalize(match.Groups[1].Value) is { } tag)
            {
                yield return tag;
            }
        }
    }

    /// <summary>The given tags followed by the text's hashtags, normalised and de-duplicated.</summary>
    public static List<string> Merge(IEnumerable<string?>? given, string? text) =>
        (given ?? []).Select(Normalize).OfType<string>().Concat(FromText(text)).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsTagCharacter(char c) => c == '_' || char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;

    // A '#' that starts a word (not "a#b" or an HTML entity "&#39;"), then letters, marks, digits or '_'.
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{Nd}_&])#([\p{L}\p{M}\p{Nd}_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();
}
