using Gamgyul.Media.Storage.FileSystem;
using Gamgyul.Media.Storage.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gamgyul.Media.Storage;

public static class MediaStorageServiceExtensions
{
    /// <summary>Registers the <see cref="IMediaStorage"/> adapter that <c>Storage:Provider</c> names.</summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.FileSystemProvider:
                var root = Path.IsPathRooted(options.FileSystem.Root)
                    ? options.FileSystem.Root
                    : Path.Combine(environment.ContentRootPath, options.FileSystem.Root);
                services.AddSingleton(provider => new FileSystemMediaStorage(
                    root, options.FileSystem.SigningKey, provider.GetService<TimeProvider>() ?? TimeProvider.System));
                services.AddSingleton<IMediaStorage>(provider => provider.GetRequiredService<FileSystemMediaStorage>());
                break;
            case StorageOptions.S3Provider:
                services.AddSingleton(_ => S3MediaStorage.CreateClient(options.S3));
                services.AddSingleton<IMediaStorage>(provider => new S3MediaStorage(
                    provider.GetRequiredService<Amazon.S3.IAmazonS3>(), options.S3, provider.GetService<TimeProvider>() ?? TimeProvider.System));
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider is '{options.Provider}'; use '{StorageOptions.FileSystemProvider}' or '{StorageOptions.S3Provider}'.");
        }

        return services;
    }
}
