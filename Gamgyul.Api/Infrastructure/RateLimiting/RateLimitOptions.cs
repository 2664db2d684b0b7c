namespace Gamgyul.Api.Infrastructure.RateLimiting;

/// <summary>
/// The <c>RateLimits</c> configuration section: one fixed window per policy and client address, counted in
/// Redis so that every Api node shares the same budget.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Turns every policy off (for load tests on a private network only).</summary>
    public bool Enabled { get; set; } = true;

    public FixedWindowRule Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public FixedWindowRule Registration { get; set; } = new() { PermitLimit = 20, WindowSeconds = 3600 };
    public FixedWindowRule TokenRefresh { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    public FixedWindowRule PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    public FixedWindowRule For(string policy) => policy switch
    {
        RateLimitPolicies.Login => Login,
        RateLimitPolicies.Registration => Registration,
        RateLimitPolicies.TokenRefresh => TokenRefresh,
        RateLimitPolicies.PasswordReset => PasswordReset,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    };
}
