using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Accounts.Google;

internal static class GoogleConfigHandler
{
    /// <summary>The scopes the code flow asks for: an ID token with the e-mail address and the name.</summary>
    public const string Scope = "openid email profile";

    /// <summary>
    /// Public: lets a client show the Google button only when sign-in is configured (404 otherwise). The authorization
    /// endpoint comes from the provider's discovery document, so a test or self-hosted OpenID provider works too.
    /// </summary>
    public static async Task<Results<Ok<GoogleConfigResponse>, ProblemHttpResult>> GetAsync(
        IOptions<GoogleOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var google = options.Value;
        if (!google.IsConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Google sign-in is not configured on this server.");
        }

        var endpoint = await services.GetRequiredService<GoogleTokenVerifier>().AuthorizationEndpointAsync(cancellationToken);
        return endpoint is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The Google sign-in provider cannot be reached right now.")
            : TypedResults.Ok(new GoogleConfigResponse(google.ClientId, endpoint, google.RedirectUri, Scope));
    }
}
