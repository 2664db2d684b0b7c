namespace Gamgyul.Api.Infrastructure.RateLimiting;

/// <summary>Names of the rate-limit policies, for <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Registration = "registration";
    public const string TokenRefresh = "token-refresh";
    public const string PasswordReset = "password-reset";

    public static readonly IReadOnlyList<string> All = [Login, Registration, TokenRefresh, PasswordReset];
}
