namespace Gamgyul.Api.Infrastructure.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> from one client.</summary>
public sealed class FixedWindowRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
