using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Gamgyul.Api.Infrastructure;

internal static class PageLink
{
    /// <summary>The absolute URL of this request with the given query parameters replaced.</summary>
    public static string With(HttpRequest request, params (string Name, string Value)[] parameters)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            query[name] = value;
        }

        var baseUrl = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        return QueryHelpers.AddQueryString(baseUrl, query!);
    }
}
