using Gamgyul.Api.Infrastructure;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Reports;

/// <summary>Refuses writes (403) from a user whose account is suspended by a moderator.</summary>
internal sealed class SuspensionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.FindUserId() is { } userId)
        {
            var db = http.RequestServices.GetRequiredService<GamgyulDbContext>();
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var until = await db.UserSuspensions
                .Where(s => s.UserId == userId && s.StartsAt <= now && s.EndsAt > now)
                .MaxAsync(s => (DateTimeOffset?)s.EndsAt, http.RequestAborted);
            if (until is { } end)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Account suspended",
                    detail: $"Your account is suspended until {end:O}; you can read but not write.",
                    extensions: new Dictionary<string, object?> { ["suspended_until"] = end });
            }
        }

        return await next(context);
    }
}
