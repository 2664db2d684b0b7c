using System.Diagnostics.CodeAnalysis;

namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// <c>?cursor=&amp;page_size=</c> of a keyset-paginated list. The cursor names a position and a direction:
/// the page after it (a <c>next</c> link) or the page before it (a <c>previous</c> link).
/// </summary>
public sealed record CursorPageRequest(KeysetCursor? Position, bool Backward, int PageSize)
{
    public const int MaxPageSize = 50;
    private const char Forward = 'n';
    private const char Back = 'p';

    /// <summary>Parses the query values; false (answer 400) for a cursor this API did not issue.</summary>
    public static bool TryParse(string? cursor, int? pageSize, int defaultPageSize, [NotNullWhen(true)] out CursorPageRequest? request)
    {
        var size = Math.Clamp(pageSize ?? defaultPageSize, 1, MaxPageSize);
        request = null;
        if (string.IsNullOrEmpty(cursor))
        {
            request = new CursorPageRequest(null, false, size);
            return true;
        }

        if (cursor[0] is not (Forward or Back) || !KeysetCursor.TryDecode(cursor[1..], out var position))
        {
            return false;
        }

        request = new CursorPageRequest(position, cursor[0] == Back, size);
        return true;
    }

    /// <summary>The 400 answer for a bad cursor, with the field named in <c>errors</c>.</summary>
    public static IResult InvalidCursor() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["cursor"] = ["Invalid cursor."] },
        title: "One or more fields are invalid.");

    public static string EncodeNext(KeysetCursor position) => Forward + position.Encode();

    public static string EncodePrevious(KeysetCursor position) => Back + position.Encode();
}
