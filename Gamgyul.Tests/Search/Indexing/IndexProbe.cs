using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>Reads the Postgres vector index's table directly, to see what the indexer wrote.</summary>
internal static class IndexProbe
{
    public static async Task<SearchDocument?> LiveAsync(ApiFactory factory, SearchDocumentKind kind, Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.SearchDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Kind == kind && d.DocumentId == id && !d.IsDeleted);
    }

    public static async Task<bool> IsIndexedAsync(ApiFactory factory, SearchDocumentKind kind, Guid id, DateTimeOffset? updatedAt = null) =>
        await LiveAsync(factory, kind, id) is { } row && (updatedAt is null || row.SourceUpdatedAt == updatedAt);

    public static async Task<bool> IsGoneAsync(ApiFactory factory, SearchDocumentKind kind, Guid id) =>
        await LiveAsync(factory, kind, id) is null;

    public static async Task<int> LiveCountAsync(ApiFactory factory, SearchDocumentKind kind)
    {
        await using var db = factory.CreateDbContext();
        return await db.SearchDocuments.CountAsync(d => d.Kind == kind && !d.IsDeleted);
    }

    public static async Task<DateTimeOffset> UpdatedAtAsync(ApiFactory factory, Guid postId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Posts.Where(p => p.Id == postId).Select(p => p.UpdatedAt).SingleAsync();
    }
}
