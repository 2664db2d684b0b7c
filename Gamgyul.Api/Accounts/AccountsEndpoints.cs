using Gamgyul.Api.Accounts.Google;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Infrastructure.RateLimiting;

namespace Gamgyul.Api.Accounts;

internal static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Accounts");

        accounts.MapPost("/registration", RegistrationHandler.RegisterAsync)
            .Validate<RegistrationRequest>().RequireRateLimiting(RateLimitPolicies.Registration).AllowAnonymous()
            .WithName("Register").WithSummary("Create an account with e-mail and password, and sign in");

        accounts.MapPost("/login", LoginHandler.LoginAsync)
            .Validate<LoginRequest>().RequireRateLimiting(RateLimitPolicies.Login).AllowAnonymous()
            .WithName("Login").WithSummary("Sign in with e-mail and password (sets the refresh_token cookie)");

        accounts.MapPost("/google/login", GoogleLoginHandler.LoginAsync)
            .Validate<GoogleLoginRequest>().RequireRateLimiting(RateLimitPolicies.Login).AllowAnonymous()
            .WithName("GoogleLogin").WithSummary("Sign in with Google (authorization code or ID token)");

        accounts.MapGet("/google/config", GoogleConfigHandler.GetAsync).AllowAnonymous()
            .WithName("GoogleConfig").WithSummary("Google sign-in's client id, authorization endpoint and redirect URI; 404 when not configured");

        accounts.MapPost("/token/refresh", TokenHandlers.RefreshAsync)
            .ValidateIfPresent<RefreshRequest>().RequireRateLimiting(RateLimitPolicies.TokenRefresh).AllowAnonymous()
            .WithName("RefreshToken").WithSummary("Exchange a refresh token (body or cookie) for new tokens");

        accounts.MapPost("/token/verify", TokenHandlers.VerifyAsync)
            .Validate<VerifyTokenRequest>().RequireRateLimiting(RateLimitPolicies.TokenRefresh).AllowAnonymous()
            .WithName("VerifyToken").WithSummary("Check whether an access or refresh token is currently valid");

        accounts.MapPost("/logout", TokenHandlers.LogoutAsync)
            .ValidateIfPresent<RefreshRequest>().AllowAnonymous()
            .WithName("Logout").WithSummary("Revoke the refresh token (body or cookie) and clear the cookie");

        accounts.MapPost("/password/change", PasswordHandlers.ChangeAsync)
            .Validate<PasswordChangeRequest>().RequireAuthorization()
            .WithName("ChangePassword").WithSummary("Change the password (signs out every other session)");

        accounts.MapPost("/password/reset", PasswordHandlers.RequestResetAsync)
            .Validate<PasswordResetRequest>().RequireRateLimiting(RateLimitPolicies.PasswordReset).AllowAnonymous()
            .WithName("RequestPasswordReset").WithSummary("E-mail a password-reset link (always 200)");

        accounts.MapPost("/password/reset/confirm", PasswordHandlers.ConfirmResetAsync)
            .Validate<PasswordResetConfirmRequest>().RequireRateLimiting(RateLimitPolicies.PasswordReset).AllowAnonymous()
            .WithName("ConfirmPasswordReset").WithSummary("Set a new password with the uid and token of a reset link");

        return app;
    }
}
