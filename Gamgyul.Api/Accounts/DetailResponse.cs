namespace Gamgyul.Api.Accounts;

/// <summary>A plain acknowledgement, e.g. <c>{"detail": "Successfully logged out."}</c>.</summary>
public sealed record DetailResponse(string Detail);
