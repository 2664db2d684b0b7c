using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Api.Accounts;

internal static class RegistrationHandler
{
    private const int HandleAttempts = 5;

    public static async Task<Results<Created<SessionResponse>, ValidationProblem>> RegisterAsync(
        RegistrationRequest request,
        UserManager<User> users,
        GamgyulDbContext db,
        SessionIssuer sessions,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var (password, passwordField) = request.ChosenPassword;
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var user = new User
            {
                Id = Guid.CreateVersion7(now),
                UserName = HandleGenerator.Next(),
                Email = EmailRules.Normalize(request.Email!),
                DisplayName = request.Username!.Trim(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            var result = await UserCreatedEvent.CreateWithEventAsync(db, users, user, password, now);
            if (result.Succeeded)
            {
                var session = await sessions.StartAsync(user, response, cancellationToken);
                return TypedResults.Created($"/accounts/users/{user.UserName}/", session);
            }

            // A generated handle that collides is simply drawn again; anything else is the client's.
            if (!result.Has(nameof(IdentityErrorDescriber.DuplicateUserName)) || attempt == HandleAttempts)
            {
                return IdentityErrors.ToProblem(result, passwordField);
            }
        }
    }
}
