namespace Gamgyul.Api.Accounts.Google;

/// <summary>
/// What a browser needs to start Google's authorization-code flow: where to send the user, as which client, and the
/// redirect URI the Api will name when it redeems the code (the two must match, so the browser uses this one).
/// </summary>
public sealed record GoogleConfigResponse(string ClientId, string AuthorizationEndpoint, string RedirectUri, string Scope);
