using System.Text.RegularExpressions;

namespace Gamgyul.Api.Media;

/// <summary>
/// How a post, product or profile names an upload: its media id, or the <c>display_url</c> a response
/// gave for it (so a client may send back what it read). Anything else is treated as a plain image URL.
/// </summary>
internal static partial class MediaReference
{
    public static bool TryParse(string? value, out Guid mediaId)
    {
        mediaId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (Guid.TryParseExact(value, "D", out mediaId))
        {
            return true;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && DisplayPath().Match(uri.AbsolutePath) is { Success: true } match
            && Guid.TryParseExact(match.Groups[1].Value, "D", out mediaId);
    }

    [GeneratedRegex(@"\A/images/([0-9a-fA-F-]{36})/display/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DisplayPath();
}
