using System.Numerics.Tensors;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Api.Search;

/// <summary>
/// A user's interest vector: the weighted mean of the vectors of the posts and products the user wrote, the posts
/// the user liked and the posts and products the user viewed recently (views are remembered in a short Redis list).
/// </summary>
public sealed partial class InterestProfile(
    GamgyulDbContext db,
    IVectorIndex index,
    IConnectionMultiplexer redis,
    IOptions<RecommendationOptions> options,
    ILogger<InterestProfile> logger)
{
    private const string ViewedKeyPrefix = "gamgyul:interest:viewed:";

    /// <summary>Remembers a view; best effort, because a recommendation signal must never fail a read.</summary>
    public async Task RecordViewAsync(Guid? userId, SearchDocumentKind kind, Guid id)
    {
        if (userId is not { } user)
        {
            return;
        }

        try
        {
            var key = ViewedKeyPrefix + user.ToString("N");
            var batch = redis.GetDatabase().CreateBatch();
            var push = batch.ListLeftPushAsync(key, $"{(int)kind}:{id:N}");
            var trim = batch.ListTrimAsync(key, 0, options.Value.SignalsPerKind - 1);
            var expire = batch.KeyExpireAsync(key, options.Value.ViewMemory);
            batch.Execute();
            await Task.WhenAll(push, trim, expire);
        }
        catch (RedisException e)
        {
            LogViewNotRecorded(logger, e);
        }
    }

    /// <summary>The user's objects that are never recommended back (what they wrote or liked).</summary>
    public async Task<HashSet<Guid>> LikedPostsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.PostLikes.Where(l => l.UserId == userId).Select(l => l.PostId).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The interest vector (L2-normalised), or null for a user with no indexed signal yet.</summary>
    public async Task<float[]?> VectorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var take = settings.SignalsPerKind;
        var weights = new Dictionary<VectorKey, float>();
        void Add(VectorKey key, float weight) => weights[key] = Math.Max(weights.GetValueOrDefault(key), weight);

        foreach (var id in await db.Posts.Where(p => p.AuthorId == userId).OrderByDescending(p => p.CreatedAt).Take(take)
                     .Select(p => p.Id).ToListAsync(cancellationToken))
        {
            Add(new VectorKey(SearchDocumentKind.Post, id), 1);
        }

        foreach (var id in await db.Products.Where(p => p.OwnerId == userId).OrderByDescending(p => p.CreatedAt).Take(take)
                     .Select(p => p.Id).ToListAsync(cancellationToken))
        {
            Add(new VectorKey(SearchDocumentKind.Product, id), 1);
        }

        foreach (var id in await db.PostLikes.Where(l => l.UserId == userId).OrderByDescending(l => l.CreatedAt).Take(take)
                     .Select(l => l.PostId).ToListAsync(cancellationToken))
        {
            Add(new VectorKey(SearchDocumentKind.Post, id), 1);
        }

        foreach (var key in await ViewedAsync(userId))
        {
            Add(key, settings.ViewWeight);
        }

        if (weights.Count == 0)
        {
            return null;
        }

        var vectors = await index.GetVectorsAsync(weights.Keys, cancellationToken);
        if (vectors.Count == 0)
        {
            return null;
        }

        var sum = new float[index.Dimensions];
        foreach (var (key, vector) in vectors)
        {
            TensorPrimitives.MultiplyAdd(vector.Span, weights[key], sum, sum);
        }

        var norm = TensorPrimitives.Norm(sum);
        if (norm == 0)
        {
            return null;
        }

        TensorPrimitives.Divide(sum, norm, sum);
        return sum;
    }

    private async Task<List<VectorKey>> ViewedAsync(Guid userId)
    {
        try
        {
            var entries = await redis.GetDatabase().ListRangeAsync(ViewedKeyPrefix + userId.ToString("N"));
            var keys = new List<VectorKey>(entries.Length);
            foreach (var entry in entries)
            {
                var text = entry.ToString();
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && int.TryParse(text.AsSpan(0, colon), out var kind) && Guid.TryParse(text.AsSpan(colon + 1), out var id)
                    && Enum.IsDefined((SearchDocumentKind)kind))
                {
                    keys.Add(new VectorKey((SearchDocumentKind)kind, id));
                }
            }

            return keys;
        }
        catch (RedisException e)
        {
            LogViewNotRecorded(logger, e);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recent views are unavailable (Redis); recommendations use likes and own content only")]
    private static partial void LogViewNotRecorded(ILogger logger, Exception exception);
}
