using Gamgyul.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Accounts.Google;

internal static class GoogleLoginHandler
{
    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        GoogleLoginRequest request,
        IOptions<GoogleOptions> options,
        IServiceProvider services,
        ExternalAccountLinker accounts,
        SessionIssuer sessions,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Google sign-in is not configured on this server.");
        }

        var verifier = services.GetRequiredService<GoogleTokenVerifier>();
        var field = "id_token";
        var idToken = request.IdToken;
        if (string.IsNullOrEmpty(idToken))
        {
            field = "code";
            idToken = await verifier.RedeemCodeAsync(request.Code!, cancellationToken);
            if (idToken is null)
            {
                return ValidationErrors.Field(field, "Failed to exchange the code for an ID token.");
            }
        }

        var identity = await verifier.VerifyIdTokenAsync(idToken, cancellationToken);
        if (identity is null)
        {
            return ValidationErrors.Field(field, "The Google token is not valid.");
        }

        if (!identity.EmailVerified)
        {
            return ValidationErrors.Field(field, "The Google account's e-mail address is not verified.");
        }

        var linked = await accounts.SignInAsync(identity, cancellationToken);
        return linked.User is { } user
            ? TypedResults.Ok(await sessions.StartAsync(user, response, cancellationToken))
            : ValidationErrors.Field("non_field_errors", linked.Error!);
    }
}
