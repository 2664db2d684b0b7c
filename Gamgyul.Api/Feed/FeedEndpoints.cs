namespace Gamgyul.Api.Feed;

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/posts").WithTags("Feed");

        posts.MapGet("/p", FeedHandlers.ListAsync)
            .WithName("ListPosts")
            .WithSummary("Posts newest first, filtered by ?tags= (exact, all given); with ?search= the hybrid search in relevance order");
        posts.MapGet("/latest", FeedHandlers.LatestAsync)
            .WithName("LatestPosts")
            .WithSummary("Everyone's newest posts");
        posts.MapGet("/latest/{handle}", FeedHandlers.LatestByHandleAsync)
            .WithName("LatestPostsOfUser")
            .WithSummary("A user's newest posts");
        posts.MapGet("/follows", FeedHandlers.HomeAsync)
            .WithName("HomeFeed")
            .WithSummary("Home feed: posts of followed users and the caller's own, newest first; popular recent posts when the caller follows nobody")
            .RequireAuthorization();

        return app;
    }
}
