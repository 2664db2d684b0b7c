using Gamgyul.Api.Social;
using Gamgyul.Api.Users;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Creates an account together with its <c>user.created</c> outbox event (so the search index hears of new accounts
/// without waiting for a rebuild). Identity's store saves through the request's <see cref="GamgyulDbContext"/>, so the
/// event goes in the account's own SaveChanges: both or neither.
/// </summary>
internal static class UserCreatedEvent
{
    /// <summary>
    /// <paramref name="user"/> must carry its id already (the event names it before the insert). A refused account
    /// (taken handle, weak password) leaves no event behind in the context for the caller's next attempt.
    /// </summary>
    public static async Task<IdentityResult> CreateWithEventAsync(GamgyulDbContext db, UserManager<User> users, User user,
        string? password, DateTimeOffset now)
    {
        if (user.Id == Guid.Empty)
        {
            throw new ArgumentException("The user needs its id before the event can name it.", nameof(user));
        }

        var created = db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.UserCreated, user.Id.ToString(), UserEvent.From(user, now), now));
        var succeeded = false;
        try
        {
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            succeeded = result.Succeeded;
            return result;
        }
        finally
        {
            if (!succeeded)
            {
                created.State = EntityState.Detached;
            }
        }
    }
}
