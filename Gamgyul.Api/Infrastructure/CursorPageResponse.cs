namespace Gamgyul.Api.Infrastructure;

/// <summary>A cursor page, in the original API's shape: <c>{next, previous, results}</c> with absolute URLs.</summary>
public sealed record CursorPageResponse<T>(string? Next, string? Previous, IReadOnlyList<T> Results);
