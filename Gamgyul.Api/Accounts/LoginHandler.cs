using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

internal static class LoginHandler
{
    /// <summary>One answer for every failure, so the response never tells whether the address has an account.</summary>
    public const string InvalidCredentials = "Unable to log in with provided credentials.";

    // Verifying against a throwaway hash when there is no account keeps the timing of both failures alike.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem>> LoginAsync(
        LoginRequest request,
        UserManager<User> users,
        SignInManager<User> signIn,
        IPasswordHasher<User> hasher,
        SessionIssuer sessions,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(EmailRules.Normalize(request.Email!));
        if (user is null || user.DeletedAt is not null || user.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(new User(), DecoyHash.Value, request.Password!);
            return Failure();
        }

        // Counts failures and locks the account after Accounts:LockoutMaxFailedAttempts of them; a locked
        // account is refused even with the right password, with the same answer.
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Failure();
        }

        return TypedResults.Ok(await sessions.StartAsync(user, response, cancellationToken));
    }

    private static ValidationProblem Failure() =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["non_field_errors"] = [InvalidCredentials] },
            title: "Sign-in failed.");
}
