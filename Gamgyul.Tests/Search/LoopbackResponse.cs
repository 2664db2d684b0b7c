namespace Gamgyul.Tests.Search;

/// <summary>What a <see cref="LoopbackServer"/> answers.</summary>
internal sealed record LoopbackResponse(string Body, int Status = 200, string ContentType = "application/json");
