using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;

namespace Gamgyul.Api.Posts;

public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/posts/p").WithTags("Posts");

        posts.MapPost("", PostHandlers.CreateAsync)
            .WithName("CreatePost")
            .WithSummary("Create a post; tags come from the list and the text's #hashtags")
            .RequireActiveWriter()
            .Validate<PostRequest>();
        posts.MapGet("/{uuid:guid}", PostHandlers.GetAsync)
            .WithName("GetPost")
            .WithSummary("A post, for anyone; counts a view (once per viewer per window)");
        posts.MapPut("/{uuid:guid}", PostHandlers.ReplaceAsync)
            .WithName("ReplacePost")
            .WithSummary("Replace a post's text, tags, images and category (owner or admin)")
            .RequireActiveWriter()
            .Validate<PostRequest>();
        posts.MapPatch("/{uuid:guid}", PostHandlers.PatchAsync)
            .WithName("PatchPost")
            .WithSummary("Change some fields of a post (owner or admin)")
            .RequireActiveWriter()
            .Validate<PostPatchRequest>();
        posts.MapDelete("/{uuid:guid}", PostHandlers.DeleteAsync)
            .WithName("DeletePost")
            .WithSummary("Delete a post with its comments and likes (owner or admin)")
            .RequireActiveWriter();

        return app;
    }
}
