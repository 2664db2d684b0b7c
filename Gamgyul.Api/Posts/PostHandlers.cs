using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;
using Gamgyul.Api.Reports;
using Gamgyul.Api.Search;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Posts;

internal static class PostHandlers
{
    public static async Task<IResult> CreateAsync(PostRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken)
    {
        var images = await media.ResolveAsync(user.GetUserId(), request.Images, "images", null, cancellationToken);
        if (images.Failed)
        {
            return Problems.Invalid(images.ErrorField!, images.ErrorMessage!);
        }

        var now = clock.GetUtcNow();
        var post = new Post
        {
            Id = Guid.CreateVersion7(now),
            AuthorId = user.GetUserId(),
            Text = request.Text!.Trim(),
            Category = NormalizeCategory(request.Category),
            Tags = TagParser.Merge(request.Tags, request.Text),
            Images = ToImages(images),
            Status = ContentStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Posts.Add(post);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.PostCreated, post.Id.ToString(), PostEvent.From(post, now), now));
        await db.SaveChangesAsync(cancellationToken);

        var created = await LoadAsync(db, post.Id, Viewer.From(user), cancellationToken);
        return TypedResults.Created($"/posts/p/{post.Id}/", created);
    }

    public static async Task<IResult> GetAsync(Guid uuid, HttpContext context, GamgyulDbContext db,
        PostViewCounter views, InterestProfile interests, AnonymousPostCache cache, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var post = viewer.Id is null
            ? await cache.GetOrLoadAsync(uuid, cancel => LoadAsync(db, uuid, viewer, cancel), cancellationToken)
            : await LoadAsync(db, uuid, viewer, cancellationToken);
        if (post is null)
        {
            return Problems.NotFound("Post not found.");
        }

        var pending = await views.RecordAsync(uuid, PostViewCounter.ViewerKey(context, viewer.Id));
        await interests.RecordViewAsync(viewer.Id, SearchDocumentKind.Post, uuid);
        return TypedResults.Ok(post with { ViewsCount = post.ViewsCount + pending });
    }

    public static Task<IResult> ReplaceAsync(Guid uuid, PostRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken) =>
        UpdateAsync(uuid, request, replace: true, user, db, media, clock, cancellationToken);

    public static Task<IResult> PatchAsync(Guid uuid, PostPatchRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken) =>
        UpdateAsync(uuid, request, replace: false, user, db, media, clock, cancellationToken);

    public static async Task<IResult> DeleteAsync(Guid uuid, ClaimsPrincipal user, GamgyulDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var post = await db.Posts.VisibleTo(viewer).FirstOrDefaultAsync(p => p.Id == uuid, cancellationToken);
        if (post is null)
        {
            return Problems.NotFound("Post not found.");
        }

        if (!viewer.CanManage(post.AuthorId))
        {
            return Problems.Forbidden("Only the author or an admin may delete this post.");
        }

        var now = clock.GetUtcNow();
        db.Posts.Remove(post);
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.PostDeleted, post.Id.ToString(), PostEvent.From(post, now), now));
        if (post.AuthorId != viewer.Id)
        {
            AuditLog.Record(db, viewer.Id, "post.deleted", "post", post.Id, null, new { post.AuthorId, post.Text }, now);
        }

        // Comments, replies, likes and images go with the post (ON DELETE CASCADE).
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static Task<PostResponse?> LoadAsync(GamgyulDbContext db, Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        db.Posts.Where(p => p.Id == id).VisibleTo(viewer).ToResponses(db, viewer).FirstOrDefaultAsync(cancellationToken);

    private static async Task<IResult> UpdateAsync(Guid uuid, IPostFields request, bool replace, ClaimsPrincipal user,
        GamgyulDbContext db, MediaAttachments media, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var post = await db.Posts.VisibleTo(viewer).FirstOrDefaultAsync(p => p.Id == uuid, cancellationToken);
        if (post is null)
        {
            return Problems.NotFound("Post not found.");
        }

        if (!viewer.CanManage(post.AuthorId))
        {
            return Problems.Forbidden("Only the author or an admin may change this post.");
        }

        var before = new { post.Text, post.Tags, post.Category };
        var text = request.Text?.Trim() ?? post.Text;
        // Tags not sent on PATCH keep those that were given explicitly; the text's hashtags are re-read.
        var explicitTags = request.Tags
            ?? (replace ? [] : post.Tags.Except(TagParser.FromText(post.Text), StringComparer.Ordinal).Cast<string?>().ToList());
        var tags = TagParser.Merge(explicitTags, text);
        if (tags.Count > TagParser.MaxTags)
        {
            return Problems.Invalid("tags", $"A post has at most {TagParser.MaxTags} tags, counting the #hashtags in its text.");
        }

        var now = clock.GetUtcNow();
        post.Text = text;
        post.Tags = tags;
        if (replace || request.Category is not null)
        {
            post.Category = NormalizeCategory(request.Category);
        }

        if (replace || request.Images is not null)
        {
            // Uploaded images must be the author's own, also when an admin edits the post.
            var images = await media.ResolveAsync(post.AuthorId, request.Images, "images", null, cancellationToken);
            if (images.Failed)
            {
                return Problems.Invalid(images.ErrorField!, images.ErrorMessage!);
            }

            post.Images.Clear();
            post.Images.AddRange(ToImages(images));
        }

        post.UpdatedAt = now;
        db.Outbox.Add(OutboxMessageFactory.Create(OutboxEvents.PostUpdated, post.Id.ToString(), PostEvent.From(post, now), now));
        if (post.AuthorId != viewer.Id)
        {
            AuditLog.Record(db, viewer.Id, "post.updated", "post", post.Id, null, new { before, after = new { post.Text, post.Tags, post.Category } }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await LoadAsync(db, post.Id, viewer, cancellationToken));
    }

    private static string? NormalizeCategory(string? category) =>
        string.IsNullOrWhiteSpace(category) ? null : category.Trim();

    private static List<PostImage> ToImages(ImageResolution images) =>
        images.Images.Select((image, index) => new PostImage { Position = index, MediaId = image.MediaId, Url = image.Url }).ToList();
}
