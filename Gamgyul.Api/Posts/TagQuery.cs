using Gamgyul.Api.Social;

namespace Gamgyul.Api.Posts;

/// <summary>
/// The <c>?tags=</c> filter of post lists and post search: repeated and/or comma-separated tags, each normalised by
/// <see cref="TagParser"/>; every tag is required.
/// </summary>
internal static class TagQuery
{
    /// <summary>
    /// The distinct normalised tags, or a 400 problem (in <paramref name="problem"/>) when one is not a tag or there
    /// are more than <see cref="TagParser.MaxTags"/>.
    /// </summary>
    public static bool TryParse(string[]? tags, out List<string> required, out IResult? problem)
    {
        var wanted = new List<string>();
        foreach (var raw in (tags ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (TagParser.Normalize(raw) is not { } tag)
            {
                required = [];
                problem = Problems.Invalid("tags", $"A tag is 1 to {TagParser.MaxTagLength} letters, digits or underscores.");
                return false;
            }

            wanted.Add(tag);
        }

        if (wanted.Count > TagParser.MaxTags)
        {
            required = [];
            problem = Problems.Invalid("tags", $"Filter by at most {TagParser.MaxTags} tags.");
            return false;
        }

        required = wanted.Distinct(StringComparer.Ordinal).ToList();
        problem = null;
        return true;
    }
}
