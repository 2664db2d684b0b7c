using Microsoft.Extensions.FileProviders;

namespace Gamgyul.Api.WebClient;

/// <summary>
/// Serves the built web client from the Api's own origin, so the browser calls the Api same-origin and
/// the HttpOnly <c>refresh_token</c> cookie (SameSite=Lax, Path=/accounts) just works. Runs after
/// routing and only for requests no Api endpoint took, so Api routes, /health, /alive and /api/schema
/// never change.
/// </summary>
internal static class WebClientExtensions
{
    public static WebApplication UseWebClient(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebClientExtensions));
        var root = FindRoot(app.Configuration, app.Environment);
        if (root is null)
        {
            logger.LogInformation("No built web client found (set {Key} or run npm run build in Gamgyul.Web); serving the Api only",
                $"{WebClientOptions.SectionName}:{nameof(WebClientOptions.RootPath)}");
            return app;
        }

        logger.LogInformation("Serving the web client from {Root}", root);
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite puts a content hash in every asset name, so an asset never changes under its name.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/assets"))
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.UseMiddleware<SpaFallbackMiddleware>(files);
        return app;
    }

    internal static string? FindRoot(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetSection(WebClientOptions.SectionName).Get<WebClientOptions>()?.RootPath;
        string[] candidates = string.IsNullOrWhiteSpace(configured)
            ? [Path.Combine(environment.ContentRootPath, "wwwroot"), Path.Combine(environment.ContentRootPath, "..", "Gamgyul.Web", "dist")]
            : [Path.GetFullPath(configured, environment.ContentRootPath)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "index.html")));
    }
}

/// <summary>
/// The single-page app's deep links (<c>/posts/{uuid}</c>, <c>/users/{handle}</c>, ...) are page loads
/// of paths the Api does not know: answer them with <c>index.html</c> and let the client route. Only
/// GET/HEAD page navigations (Accept: text/html) that do not name a static file get it, and never under
/// <c>/api</c>, <c>/health</c> or <c>/alive</c>; an API call to an unknown path still gets the
/// problem-details 404.
/// </summary>
internal sealed class SpaFallbackMiddleware(RequestDelegate next, IFileProvider files)
{
    private static readonly PathString[] NeverFallback = ["/api", "/health", "/alive"];

    // A missing file is a 404, not the app; other dots are data (handles may contain '.').
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".mjs", ".css", ".map", ".json", ".html", ".txt", ".xml", ".webmanifest", ".ico", ".png", ".jpg",
        ".jpeg", ".gif", ".svg", ".webp", ".avif", ".woff", ".woff2",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsClientNavigation(context))
        {
            await next(context);
            return;
        }

        var index = files.GetFileInfo("index.html");
        context.Response.ContentType = "text/html; charset=utf-8";
        // index.html names the current asset hashes, so it must be revalidated after every deploy.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = index.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    private static bool IsClientNavigation(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var path = request.Path;
        if (NeverFallback.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            || FileExtensions.Contains(Path.GetExtension(path.Value ?? string.Empty)))
        {
            return false;
        }

        // The start page is the app for any client; other paths only for page loads, never for API calls.
        return path == "/" || request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }
}
