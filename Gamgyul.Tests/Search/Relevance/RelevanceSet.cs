using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gamgyul.Tests.Search.Relevance;

/// <summary>The labelled Korean relevance set (<c>korean-relevance.json</c>, copied to the test output).</summary>
public sealed record RelevanceSet(
    [property: JsonPropertyName("posts")] IReadOnlyList<RelevancePost> Posts,
    [property: JsonPropertyName("products")] IReadOnlyList<RelevanceProduct> Products,
    [property: JsonPropertyName("queries")] IReadOnlyList<RelevanceQuery> Queries)
{
    public static RelevanceSet Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "Relevance", "korean-relevance.json");
        return JsonSerializer.Deserialize<RelevanceSet>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}

public sealed record RelevancePost(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);

public sealed record RelevanceProduct(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description);

/// <summary>A query with graded judgements: 2 = what it asks for, 1 = related; unlisted = not relevant.</summary>
public sealed record RelevanceQuery(
    [property: JsonPropertyName("q")] string Q,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("relevant")] IReadOnlyDictionary<string, int> Relevant);
