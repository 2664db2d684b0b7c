using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Media;

/// <summary>Media ids waiting for the pipeline; bounded, so a burst of uploads cannot exhaust memory.</summary>
internal sealed class MediaProcessingQueue(IOptions<MediaOptions> options)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full: the caller answers 503 and the client retries.</summary>
    public bool TryEnqueue(Guid mediaId) => _channel.Writer.TryWrite(mediaId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
