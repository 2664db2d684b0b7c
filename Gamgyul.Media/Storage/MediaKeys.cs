using System.Globalization;
using System.Text.RegularExpressions;

namespace Gamgyul.Media.Storage;

/// <summary>
/// The only storage keys there are. They are built from ids and fixed names, never from client text, and
/// <see cref="IsValid"/> rejects anything else (so no key can climb out of a folder).
/// </summary>
public static partial class MediaKeys
{
    /// <summary>The private original: <c>uploads/{owner id}/{media id}</c>.</summary>
    public static string Original(Guid ownerId, Guid mediaId) => $"uploads/{ownerId:D}/{mediaId:D}";

    /// <summary>A rendition: <c>variants/{media id}/{width}.{webp|jpg}</c>.</summary>
    public static string Variant(Guid mediaId, int width, string extension) =>
        $"variants/{mediaId:D}/{width.ToString(CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>The file name part of a variant key, as served: <c>{width}.{webp|jpg}</c>.</summary>
    public static bool IsVariantName(string name) => VariantName().IsMatch(name);

    public static bool IsValid(string key) => KeyShape().IsMatch(key);

    [GeneratedRegex(@"\A[0-9]{1,5}\.(webp|jpg)\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariantName();

    [GeneratedRegex(@"\A(uploads/[0-9a-f-]{36}/[0-9a-f-]{36}|variants/[0-9a-f-]{36}/[0-9]{1,5}\.(webp|jpg))\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
