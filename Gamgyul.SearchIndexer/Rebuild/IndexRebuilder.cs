using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Gamgyul.SearchIndexer.Indexing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.SearchIndexer.Rebuild;

/// <summary>
/// Re-embeds every indexable user, post and product from Postgres in id order, batch by batch. After each batch
/// the last id is saved in Redis, so an interrupted rebuild resumes where it stopped. At the end of each kind,
/// index entries whose source is gone or hidden are removed (on the Postgres index, whose rows can be listed).
/// </summary>
public sealed partial class IndexRebuilder(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    IVectorIndex index,
    IndexerMetrics metrics,
    IOptions<SearchIndexerOptions> options,
    ILogger<IndexRebuilder> logger)
{
    public const string CheckpointPrefix = "gamgyul:search:rebuild:";
    private static readonly SearchDocumentKind[] Kinds = [SearchDocumentKind.User, SearchDocumentKind.Post, SearchDocumentKind.Product];

    /// <summary>Runs (or resumes) a rebuild; <paramref name="fresh"/> forgets any saved position first. Returns documents indexed.</summary>
    public async Task<long> RunAsync(bool fresh, CancellationToken cancellationToken)
    {
        var checkpoints = redis.GetDatabase();
        if (fresh)
        {
            await checkpoints.KeyDeleteAsync([.. Kinds.Select(Checkpoint)]);
        }

        await index.EnsureCreatedAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<SearchSourceReader>();
        var indexer = scope.ServiceProvider.GetRequiredService<DocumentIndexer>();
        var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
        var batchSize = Math.Max(1, options.Value.RebuildBatchSize);

        long total = 0;
        foreach (var kind in Kinds)
        {
            total += await reader.CountAsync(kind, cancellationToken);
        }

        long done = 0;
        foreach (var kind in Kinds)
        {
            var saved = await checkpoints.StringGetAsync(Checkpoint(kind));
            Guid? after = saved.HasValue && Guid.TryParse(saved.ToString(), out var last) ? last : null;
            if (after is not null)
            {
                LogResuming(logger, kind, after.Value);
            }

            while (true)
            {
                var batch = await reader.PageAsync(kind, after, batchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                await indexer.IndexAsync(batch, cancellationToken);
                after = batch[^1].Key.Id;
                await checkpoints.StringSetAsync(Checkpoint(kind), after.Value.ToString());
                done += batch.Count;
                metrics.RebuildProgress(done, total);
                LogProgress(logger, kind, done, total);
            }

            var orphans = await RemoveOrphansAsync(db, indexer, kind, cancellationToken);
            LogKindDone(logger, kind, orphans);
        }

        // Finished: the next rebuild starts from the beginning again.
        await checkpoints.KeyDeleteAsync([.. Kinds.Select(Checkpoint)]);
        LogDone(logger, done);
        return done;
    }

    private static RedisKey Checkpoint(SearchDocumentKind kind) => CheckpointPrefix + kind.ToString().ToLowerInvariant();

    /// <summary>Live rows of the Postgres index whose source should not be indexed; Milvus cannot list its keys cheaply.</summary>
    private async Task<int> RemoveOrphansAsync(GamgyulDbContext db, DocumentIndexer indexer, SearchDocumentKind kind,
        CancellationToken cancellationToken)
    {
        if (index.Name != VectorIndexProviders.Postgres)
        {
            return 0;
        }

        var name = kind.ToString();
        var ids = await (kind switch
        {
            SearchDocumentKind.Post => db.Database.SqlQuery<Guid>($"""
                SELECT d.document_id AS "Value" FROM search_documents d WHERE d.kind = {name} AND NOT d.is_deleted
                AND NOT EXISTS (SELECT 1 FROM posts p JOIN users u ON u.id = p.author_id
                                WHERE p.id = d.document_id AND p.status = 'Published' AND u.deleted_at IS NULL)
                """),
            SearchDocumentKind.Product => db.Database.SqlQuery<Guid>($"""
                SELECT d.document_id AS "Value" FROM search_documents d WHERE d.kind = {name} AND NOT d.is_deleted
                AND NOT EXISTS (SELECT 1 FROM products p JOIN users u ON u.id = p.owner_id
                                WHERE p.id = d.document_id AND p.status = 'Published' AND u.deleted_at IS NULL)
                """),
            _ => db.Database.SqlQuery<Guid>($"""
                SELECT d.document_id AS "Value" FROM search_documents d WHERE d.kind = {name} AND NOT d.is_deleted
                AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.document_id AND u.deleted_at IS NULL)
                """),
        }).ToListAsync(cancellationToken);
        await indexer.RemoveAsync([.. ids.Select(id => new VectorKey(kind, id))], cancellationToken);
        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild: resuming {Kind} after {After}")]
    private static partial void LogResuming(ILogger logger, SearchDocumentKind kind, Guid after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild: {Kind} batch done, {Done} of {Total} documents")]
    private static partial void LogProgress(ILogger logger, SearchDocumentKind kind, long done, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild: {Kind} complete; {Orphans} entries without a source removed")]
    private static partial void LogKindDone(ILogger logger, SearchDocumentKind kind, int orphans);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild finished: {Done} documents indexed")]
    private static partial void LogDone(ILogger logger, long done);
}
