using Gamgyul.Media.Storage;

namespace Gamgyul.Api.Media;

/// <summary>Creates the storage folder or bucket (when configured to) before the Api serves requests.</summary>
internal sealed class MediaStorageInitializer(IMediaStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
