using Microsoft.AspNetCore.Mvc;

namespace Gamgyul.Api.Users;

/// <summary><c>?search=&amp;page=&amp;page_size=</c> of the user list.</summary>
public sealed record UserSearchQuery(
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "page_size")] int? PageSize);
