using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Accounts;

/// <summary>The local account of an external identity, or why there is none.</summary>
public sealed record ExternalSignInResult(User? User, string? Error);
