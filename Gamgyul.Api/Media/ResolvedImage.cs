namespace Gamgyul.Api.Media;

/// <summary>An image reference made ready to store: a processed upload (with its display URL) or a plain URL.</summary>
public sealed record ResolvedImage(Guid? MediaId, string Url);
