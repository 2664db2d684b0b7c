namespace Gamgyul.Search.Documents;

/// <summary>
/// The text each kind of object is embedded from. The indexer, the benchmark and the relevance tests all
/// compose it here, so a query is always compared with vectors made the same way.
/// </summary>
public static class SearchText
{
    /// <summary>A post: its text, then its tags as words (tags written as #hashtags are already in the text once).</summary>
    public static string ForPost(string text, IEnumerable<string> tags) =>
        Join(text, string.Join(' ', tags));

    /// <summary>A product: the name twice (a name says more about a product than a line of its description), then the description.</summary>
    public static string ForProduct(string name, string description) => Join(name, name, description);

    /// <summary>A user: handle, display name and bio.</summary>
    public static string ForUser(string handle, string displayName, string bio) => Join(handle, displayName, bio);

    private static string Join(params string?[] parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
