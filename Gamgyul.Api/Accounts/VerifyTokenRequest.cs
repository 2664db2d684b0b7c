namespace Gamgyul.Api.Accounts;

/// <summary>A token (access or refresh) to check.</summary>
public sealed record VerifyTokenRequest(string? Token);
