using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;

namespace Gamgyul.Api.Comments;

public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentEndpoints(this IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/comments").WithTags("Comments");

        comments.MapGet("", CommentReadHandlers.ListForPostAsync)
            .WithName("ListComments")
            .WithSummary("Top-level comments of a post (?uuid=), newest first");
        comments.MapPost("", CommentWriteHandlers.CreateAsync)
            .WithName("CreateComment")
            .WithSummary("Comment on a post, or reply to a comment (a reply to a reply answers its top comment)")
            .RequireActiveWriter()
            .Validate<CommentRequest>();
        comments.MapGet("/user", CommentReadHandlers.ListForUserAsync)
            .WithName("ListUserComments")
            .WithSummary("The caller's comments and replies, or someone else's with ?handle=, newest first");
        comments.MapGet("/{uuid:guid}", CommentReadHandlers.GetAsync)
            .WithName("GetComment")
            .WithSummary("One comment or reply");
        comments.MapGet("/{uuid:guid}/replies", CommentReadHandlers.ListRepliesAsync)
            .WithName("ListReplies")
            .WithSummary("Replies of a comment, oldest first");
        comments.MapPatch("/{uuid:guid}", CommentWriteHandlers.EditAsync)
            .WithName("EditComment")
            .WithSummary("Edit a comment's text (its author)")
            .RequireActiveWriter()
            .Validate<CommentEditRequest>();
        comments.MapDelete("/{uuid:guid}", CommentWriteHandlers.DeleteAsync)
            .WithName("DeleteComment")
            .WithSummary("Delete a comment with its replies (its author, the post's author or an admin)")
            .RequireActiveWriter();

        return app;
    }
}
