namespace Gamgyul.Api.Accounts;

/// <summary>The payload of the <c>user.deleted</c> integration event.</summary>
public sealed record UserDeletedEvent(
    Guid UserId,
    IReadOnlyList<Guid> PostIds,
    IReadOnlyList<Guid> ProductIds,
    IReadOnlyList<string> MediaStorageKeys,
    DateTimeOffset DeletedAt);
