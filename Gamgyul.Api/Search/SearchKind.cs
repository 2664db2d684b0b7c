using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Search;

/// <summary>The <c>type</c> of <c>GET /search/</c>.</summary>
public static class SearchKind
{
    public const string Posts = "posts";
    public const string Products = "products";
    public const string Users = "users";

    public static SearchDocumentKind? Parse(string? type) => (type ?? Posts).Trim().ToLowerInvariant() switch
    {
        Posts => SearchDocumentKind.Post,
        Products => SearchDocumentKind.Product,
        Users => SearchDocumentKind.User,
        _ => null,
    };
}
