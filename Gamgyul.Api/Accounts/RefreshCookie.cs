namespace Gamgyul.Api.Accounts;

/// <summary>
/// The refresh token as an HttpOnly cookie, for browsers: SameSite=Lax, Secure on HTTPS, and scoped to
/// <c>/accounts</c> (the only routes that read it) rather than sent with every API call.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "refresh_token";
    public const string Path = "/accounts";

    public static void Set(HttpResponse response, IssuedRefreshToken token) =>
        response.Cookies.Append(Name, token.Token, Options(response.HttpContext.Request, token.ExpiresAt));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, expires: null));

    /// <summary>The token from the body when given, else from the cookie.</summary>
    public static string? Read(HttpRequest request, string? fromBody) =>
        !string.IsNullOrEmpty(fromBody) ? fromBody
        : request.Cookies.TryGetValue(Name, out var cookie) && !string.IsNullOrEmpty(cookie) ? cookie
        : null;

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
