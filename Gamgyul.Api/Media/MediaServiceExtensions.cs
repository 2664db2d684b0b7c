using Gamgyul.Media.Imaging;
using Gamgyul.Media.Storage;

namespace Gamgyul.Api.Media;

public static class MediaServiceExtensions
{
    /// <summary>Storage adapter (by <c>Storage:Provider</c>), image pipeline, processing queue and the sweep.</summary>
    public static WebApplicationBuilder AddGamgyulMedia(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MediaOptions.SectionName);
        builder.Services.Configure<MediaOptions>(section);

        var pipeline = section.Get<ImagePipelineOptions>() ?? new ImagePipelineOptions();
        // The binder appends configured array items to the defaults; configured widths replace them.
        if (section.GetSection(nameof(ImagePipelineOptions.VariantWidths)).Get<int[]>() is { Length: > 0 } widths)
        {
            pipeline.VariantWidths = widths;
        }

        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton<ImagePipeline>();
        builder.Services.AddMediaStorage(builder.Configuration, builder.Environment);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MediaUrls>();
        builder.Services.AddScoped<MediaAttachments>();
        builder.Services.AddScoped<MediaProcessor>();
        builder.Services.AddScoped<MediaSweeper>();
        builder.Services.AddSingleton<MediaProcessingQueue>();
        builder.Services.AddHostedService<MediaStorageInitializer>();
        builder.Services.AddHostedService<MediaProcessingService>();
        builder.Services.AddHostedService<MediaSweepService>();
        return builder;
    }
}
