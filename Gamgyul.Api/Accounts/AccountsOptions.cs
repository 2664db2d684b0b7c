namespace Gamgyul.Api.Accounts;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// E-mail addresses of existing accounts that are given the admin role at start-up (the documented way
    /// to make the first admin; see also the <c>grant-admin</c> command).
    /// </summary>
    public string[] AdminEmails { get; set; } = [];

    /// <summary>The web frontend's page that completes a password reset; <c>uid</c> and <c>token</c> are appended.</summary>
    public string PasswordResetUrl { get; set; } = "http://localhost:5173/password/reset/confirm";

    /// <summary>How long a password-reset link stays valid.</summary>
    public int PasswordResetTokenMinutes { get; set; } = 60;

    /// <summary>How long a user's security stamp is cached (in Redis) for access-token checks.</summary>
    public int SecurityStampCacheSeconds { get; set; } = 60;

    /// <summary>
    /// How long each node keeps a checked stamp in memory (0: never). Changes are announced to every node at once;
    /// this bounds how long a node that missed an announcement without noticing could still accept an old token.
    /// </summary>
    public int SecurityStampMemorySeconds { get; set; } = 30;

    /// <summary>The most stamps a node keeps in memory.</summary>
    public int SecurityStampMemoryEntries { get; set; } = 100_000;

    /// <summary>Failed password sign-ins before the account is locked.</summary>
    public int LockoutMaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
