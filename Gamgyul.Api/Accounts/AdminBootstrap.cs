using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Makes an existing account an admin. There is no built-in admin and no default password: someone signs
/// up normally, then an operator grants the role by e-mail address, either with the one-off command
/// <c>grant-admin &lt;email&gt;</c> or through <c>Accounts:AdminEmails</c> at start-up.
/// </summary>
public static class AdminBootstrap
{
    public static async Task<AdminGrantOutcome> GrantAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(EmailRules.Normalize(email));
        if (user is null || user.DeletedAt is not null)
        {
            return AdminGrantOutcome.NoSuchAccount;
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return AdminGrantOutcome.AlreadyAdmin;
        }

        var result = await users.AddToRoleAsync(user, Roles.Admin);
        return result.Succeeded
            ? AdminGrantOutcome.Granted
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Runs <c>grant-admin &lt;email&gt;</c> when those are the arguments; returns the exit code, or null when
    /// the arguments are not a command (the Api then starts as usual).
    /// </summary>
    public static async Task<int?> RunCommandAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["grant-admin", .. var rest])
        {
            return null;
        }

        if (rest is not [var email])
        {
            await output.WriteLineAsync("usage: Gamgyul.Api grant-admin <email>");
            return 2;
        }

        var outcome = await GrantAsync(services, email);
        await output.WriteLineAsync(outcome switch
        {
            AdminGrantOutcome.Granted => $"{email} is now an admin.",
            AdminGrantOutcome.AlreadyAdmin => $"{email} was already an admin.",
            _ => $"No account has the e-mail address {email}. Sign up first, then run this again.",
        });
        return outcome == AdminGrantOutcome.NoSuchAccount ? 1 : 0;
    }
}
