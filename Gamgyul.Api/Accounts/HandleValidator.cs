using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Identity-level check of <see cref="HandleRules"/>, so that no path (sign-up, Google, Entra ID, profile
/// edits) can store a handle the URL routes cannot match. Deleted accounts have no handle at all.
/// </summary>
internal sealed class HandleValidator : IUserValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user)
    {
        if (user.DeletedAt is not null && user.UserName is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var handle = user.UserName ?? string.Empty;
        if (!HandleRules.HasValidForm(handle))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = AccountErrorCodes.InvalidHandle,
                Description = $"A handle is {HandleRules.MinLength} to {HandleRules.MaxLength} characters of a-z, 0-9, '_' and '.'.",
            }));
        }

        return Task.FromResult(HandleRules.IsReserved(handle)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = AccountErrorCodes.ReservedHandle,
                Description = "This handle is reserved.",
            })
            : IdentityResult.Success);
    }
}
