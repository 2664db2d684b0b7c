using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;
using Gamgyul.Media.Storage.FileSystem;

namespace Gamgyul.Api.Media;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/images").WithTags("Media");
        images.MapPost("/presigned", MediaHandlers.PresignAsync)
            .WithName("PresignImageUpload")
            .WithSummary("A signed form to upload one image straight to storage (key, type, size range and expiry pinned)")
            .RequireActiveWriter()
            .Validate<PresignRequest>();
        // The original system's path for the same thing.
        app.MapPost("/posts/presigned", MediaHandlers.PresignAsync)
            .WithTags("Media")
            .WithName("PresignPostImageUpload")
            .WithSummary("Same as POST /images/presigned/")
            .RequireActiveWriter()
            .Validate<PresignRequest>();
        images.MapPost("/{mediaId:guid}/complete", MediaHandlers.CompleteAsync)
            .WithName("CompleteImageUpload")
            .WithSummary("After the upload: checks it and queues processing (202 pending, 200 when already done)")
            .RequireActiveWriter();
        images.MapGet("/{mediaId:guid}", MediaHandlers.GetAsync)
            .WithName("GetImage")
            .WithSummary("State of an own upload (uploading, pending, ready, failed) with variant URLs, size and placeholder")
            .RequireAuthorization();
        images.MapGet("/{mediaId:guid}/display", MediaHandlers.DisplayAsync)
            .WithName("DisplayImage")
            .WithSummary("Stable image URL: redirects to a short-lived URL of the best variant (WebP if accepted)")
            .AllowAnonymous();

        // Local mode: the Api is the storage server too.
        if (app.ServiceProvider.GetService<FileSystemMediaStorage>() is not null)
        {
            var storage = app.MapGroup("/media").WithTags("Media storage (file system)").AllowAnonymous();
            storage.MapPost("/upload", FileSystemStorageHandlers.UploadAsync)
                .WithName("UploadToFileSystemStorage")
                .WithSummary("Receives a signed upload form (file-system storage only)")
                .DisableAntiforgery();
            storage.MapGet("/files/variants/{mediaId:guid}/{name}", FileSystemStorageHandlers.Serve)
                .WithName("ReadFileSystemVariant")
                .WithSummary("Serves a variant by signed URL (file-system storage only)");
        }

        return app;
    }
}
