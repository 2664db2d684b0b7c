using FluentValidation;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gamgyul.Api.Likes;

public static class LikeEndpoints
{
    public static IEndpointRouteBuilder MapLikeEndpoints(this IEndpointRouteBuilder app)
    {
        var likes = app.MapGroup("/likes").WithTags("Likes").RequireAuthorization();
        Map(likes, "/post-likes", LikeKind.Post, "post");
        Map(likes, "/comment-likes", LikeKind.Comment, "comment");
        Map(likes, "/reply-likes", LikeKind.Reply, "reply");
        return app;
    }

    private static void Map(RouteGroupBuilder likes, string path, LikeKind kind, string noun)
    {
        var name = char.ToUpperInvariant(noun[0]) + noun[1..];

        likes.MapPost(path, (
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LikeRequest? body,
                [FromQuery] string? uuid, HttpContext context, GamgyulDbContext db, IValidator<LikeRequest> validator,
                TimeProvider clock, CancellationToken cancellationToken) =>
                LikeWriteHandlers.LikeAsync(kind, body, uuid, context.User, db, validator, clock, cancellationToken))
            .WithName($"Like{name}")
            .WithSummary($"Like a {noun} (target in the body or ?uuid=); 409 if already liked")
            .RequireActiveWriter();
        likes.MapDelete(path + "/{uuid:guid}", (Guid uuid, HttpContext context, GamgyulDbContext db, TimeProvider clock,
                CancellationToken cancellationToken) =>
                LikeWriteHandlers.UnlikeAsync(kind, uuid, context.User, db, clock, cancellationToken))
            .WithName($"Unlike{name}")
            .WithSummary($"Take back a like of a {noun}")
            .RequireActiveWriter();
        likes.MapGet(path, (HttpContext context, GamgyulDbContext db, UserDirectory users, [FromQuery] string? uuid,
                [FromQuery] string? handle, [FromQuery] string? cursor, [FromQuery(Name = "page_size")] int? pageSize,
                CancellationToken cancellationToken) =>
                LikeReadHandlers.ListAsync(kind, context, db, users, uuid, handle, cursor, pageSize, cancellationToken))
            .WithName($"List{name}Likes")
            .WithSummary(kind == LikeKind.Post
                ? "Who liked a post (?uuid=), newest first; or the posts a user liked (?handle=)"
                : $"Who liked a {noun} (?uuid=), newest first");
        likes.MapGet(path + "/{uuid:guid}", (Guid uuid, HttpContext context, GamgyulDbContext db,
                CancellationToken cancellationToken) => LikeReadHandlers.CountAsync(kind, uuid, context, db, cancellationToken))
            .WithName($"Count{name}Likes")
            .WithSummary($"The number of likes of a {noun}");
    }
}
