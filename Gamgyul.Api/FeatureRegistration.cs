using Gamgyul.Api.Feed;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Products;
using Gamgyul.Api.Social;

namespace Gamgyul.Api;

/// <summary>Services of the features; their endpoints are mapped in <see cref="EndpointRegistration"/>.</summary>
internal static class FeatureRegistration
{
    public static WebApplicationBuilder AddSocialFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.SectionName));
        builder.Services.Configure<ViewCountingOptions>(builder.Configuration.GetSection(ViewCountingOptions.SectionName));
        builder.Services.Configure<ProductOptions>(builder.Configuration.GetSection(ProductOptions.SectionName));
        builder.Services.AddSingleton<PostViewCounter>();
        builder.Services.Configure<PostCacheOptions>(builder.Configuration.GetSection(PostCacheOptions.SectionName));
        builder.Services.AddSingleton<AnonymousPostCache>();
        builder.Services.AddSingleton<PostViewFlusher>();
        builder.Services.AddHostedService<PostViewFlushService>();
        return builder;
    }
}
