namespace Gamgyul.Api.Infrastructure;

/// <summary>
/// The original API put a slash at the end of every route; clients call both forms. Routes are declared
/// without it, and this strips one trailing slash before routing, so <c>/posts/p/</c> and <c>/posts/p</c>
/// reach the same endpoint without a redirect (a redirect would drop a POST body).
/// </summary>
internal sealed class TrailingSlashMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is { Length: > 1 } && path[^1] == '/')
        {
            context.Request.Path = new PathString(path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");
        }

        return next(context);
    }
}
