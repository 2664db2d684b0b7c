using Gamgyul.Api.Accounts.Google;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Finds or makes the local account of an external identity (Google, Entra ID): by the provider's subject
/// first, then by a verified e-mail address (linking), else a new account with a generated handle.
/// </summary>
public sealed class ExternalAccountLinker(
    UserManager<User> users,
    GamgyulDbContext db,
    AccountSecurity security,
    TimeProvider clock,
    ILogger<ExternalAccountLinker> logger)
{
    private const int HandleAttempts = 5;

    public async Task<ExternalSignInResult> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        if (user is not null)
        {
            return user.DeletedAt is null ? new(user, null) : new(null, "This account has been deleted.");
        }

        if (!identity.EmailVerified)
        {
            return new(null, "The e-mail address of this account is not verified.");
        }

        var email = EmailRules.Normalize(identity.Email);
        user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return await LinkAsync(user, identity, cancellationToken);
        }

        return await CreateAsync(identity, email);
    }

    private async Task<ExternalSignInResult> LinkAsync(User user, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        if (user.DeletedAt is not null)
        {
            return new(null, "This account has been deleted.");
        }

        // Nobody ever proved owning the address of this local account, while the provider just did. The
        // account may have been registered by someone else to squat the address: its password goes, and so
        // do its sessions, before the real owner is let in.
        if (!user.EmailConfirmed)
        {
            if (user.PasswordHash is not null)
            {
                Check(await users.RemovePasswordAsync(user));
                logger.LogWarning("Removed the password of unconfirmed account {UserId} when {Provider} proved its e-mail address",
                    user.Id, identity.Provider);
            }

            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
            await security.SignOutEverywhereAsync(user.Id, cancellationToken);
        }

        Check(await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)));
        return new(user, null);
    }

    private async Task<ExternalSignInResult> CreateAsync(ExternalIdentity identity, string email)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var user = new User
            {
                Id = Guid.CreateVersion7(now),
                UserName = HandleGenerator.Next(),
                Email = email,
                EmailConfirmed = true,
                DisplayName = DisplayNameFor(identity, email),
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (UserProfileRules.IsLinkOrEmpty(identity.PictureUrl)
                && (identity.PictureUrl?.Length ?? 0) <= UserProfileRules.ProfileImageMaxLength)
            {
                user.Profile.ProfileImageUrl = identity.PictureUrl ?? string.Empty;
            }

            var created = await UserCreatedEvent.CreateWithEventAsync(db, users, user, password: null, now);
            if (created.Succeeded)
            {
                Check(await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)));
                return new(user, null);
            }

            if (created.Has(nameof(IdentityErrorDescriber.DuplicateEmail)))
            {
                // Created concurrently by another request for the same person.
                return new(null, "User is already registered with this e-mail address.");
            }

            if (!created.Has(nameof(IdentityErrorDescriber.DuplicateUserName)) || attempt == HandleAttempts)
            {
                Check(created);
            }
        }
    }

    // The provider's name, else the address's local part, cut to the column's length without splitting a
    // surrogate pair.
    private static string DisplayNameFor(ExternalIdentity identity, string email)
    {
        var name = string.IsNullOrWhiteSpace(identity.Name) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : identity.Name.Trim();
        if (name.Length <= UserProfileRules.DisplayNameMaxLength)
        {
            return name;
        }

        var cut = UserProfileRules.DisplayNameMaxLength;
        return char.IsHighSurrogate(name[cut - 1]) ? name[..(cut - 1)] : name[..cut];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
