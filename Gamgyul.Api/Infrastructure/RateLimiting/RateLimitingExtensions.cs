using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;

namespace Gamgyul.Api.Infrastructure.RateLimiting;

internal static class RateLimitingExtensions
{
    /// <summary>
    /// ASP.NET Core rate limiting with the policies of <see cref="RateLimitPolicies"/>, partitioned by
    /// client address and counted in Redis. A rejected request gets a 429 problem with <c>Retry-After</c>.
    /// </summary>
    public static WebApplicationBuilder AddGamgyulRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            foreach (var policy in RateLimitPolicies.All)
            {
                limiter.AddPolicy(policy, context => Partition(context, policy));
            }
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(policy);
        }

        var rule = options.For(policy);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var key = $"{policy}:{client}:{rule.PermitLimit}:{rule.WindowSeconds}";
        return RateLimitPartition.Get(key, partitionKey => new RedisFixedWindowRateLimiter(
            services.GetRequiredService<IConnectionMultiplexer>(),
            partitionKey,
            rule,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<RedisFixedWindowRateLimiter>()));
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var detail = "Too many requests. Try again later.";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests. Try again in {seconds} seconds.";
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
            },
        });
    }
}
