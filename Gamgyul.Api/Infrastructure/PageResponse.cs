namespace Gamgyul.Api.Infrastructure;

/// <summary>A page-number page, in the original API's shape: <c>{count, next, previous, results}</c>.</summary>
public sealed record PageResponse<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);
