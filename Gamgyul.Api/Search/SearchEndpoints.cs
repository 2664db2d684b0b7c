namespace Gamgyul.Api.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/search").WithTags("Search")
            .MapGet("", SearchHandlers.SearchAsync)
            .WithName("Search")
            .WithSummary("Posts, products or users (?type=) matching ?q=, most relevant first: trigram and exact tag/handle matches fused with vector similarity");
        return app;
    }
}
