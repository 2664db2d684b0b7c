using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Media;

/// <summary>The wire names of <see cref="MediaPurpose"/>.</summary>
internal static class MediaPurposes
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<MediaPurpose>().Select(n => n.ToLowerInvariant()).ToList();

    public static bool TryParse(string? value, out MediaPurpose purpose)
    {
        purpose = default;
        return value is not null && Names.Contains(value, StringComparer.Ordinal)
            && Enum.TryParse(value, ignoreCase: true, out purpose);
    }
}
