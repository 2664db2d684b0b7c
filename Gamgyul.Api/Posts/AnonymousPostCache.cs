using Gamgyul.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Post details as an anonymous reader sees them, held in memory for a few seconds: popular posts are read
/// far more often than they change, and a signed-in reader's view (is_liked, their own hidden comments)
/// is never taken from here. Entries are keyed by the <see cref="DatabaseWrites"/> generation seen before
/// loading, so any write through this process makes every older entry unreachable.
/// </summary>
public sealed class AnonymousPostCache(IOptions<PostCacheOptions> options, DatabaseWrites writes) : IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxEntries });

    public async Task<PostResponse?> GetOrLoadAsync(Guid postId, Func<CancellationToken, Task<PostResponse?>> load,
        CancellationToken cancellationToken)
    {
        var lifetime = options.Value.AnonymousDetailSeconds;
        if (lifetime <= 0)
        {
            return await load(cancellationToken);
        }

        var key = (postId, writes.Generation);
        if (entries.TryGetValue(key, out PostResponse? post))
        {
            return post;
        }

        post = await load(cancellationToken);
        if (post is not null)
        {
            entries.Set(key, post, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(lifetime),
            });
        }

        return post;
    }

    public void Dispose() => entries.Dispose();
}
