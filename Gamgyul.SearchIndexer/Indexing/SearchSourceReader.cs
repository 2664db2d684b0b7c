using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Documents;
using Gamgyul.Search.Vectors;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// Reads what belongs in the index straight from the source tables: published posts and products of
/// accounts that still exist, and existing users. Events only say which objects changed; their current state
/// always comes from here, so late, repeated or reordered events cannot index anything stale.
/// </summary>
public sealed class SearchSourceReader(GamgyulDbContext db)
{
    /// <summary>The indexable objects among <paramref name="keys"/>; a key missing from the answer must not be indexed.</summary>
    public async Task<Dictionary<VectorKey, SearchSource>> LoadAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<VectorKey, SearchSource>();
        foreach (var group in keys.GroupBy(k => k.Kind))
        {
            var ids = group.Select(k => k.Id).Distinct().ToList();
            foreach (var source in await LoadKindAsync(group.Key, ids, cancellationToken))
            {
                result[source.Key] = source;
            }
        }

        return result;
    }

    /// <summary>The next <paramref name="take"/> indexable objects of a kind with an id above <paramref name="after"/>, by id.</summary>
    public async Task<List<SearchSource>> PageAsync(SearchDocumentKind kind, Guid? after, int take, CancellationToken cancellationToken)
    {
        var from = after ?? Guid.Empty;
        // Plain SQL for the keyset: uuid comparison in Postgres is the byte order the checkpoint needs.
        var ids = await (kind switch
        {
            SearchDocumentKind.Post => db.Database.SqlQuery<Guid>($"""
                SELECT p.id AS "Value" FROM posts p JOIN users u ON u.id = p.author_id
                WHERE p.status = 'Published' AND u.deleted_at IS NULL AND p.id > {from} ORDER BY p.id LIMIT {take}
                """),
            SearchDocumentKind.Product => db.Database.SqlQuery<Guid>($"""
                SELECT p.id AS "Value" FROM products p JOIN users u ON u.id = p.owner_id
                WHERE p.status = 'Published' AND u.deleted_at IS NULL AND p.id > {from} ORDER BY p.id LIMIT {take}
                """),
            _ => db.Database.SqlQuery<Guid>($"""
                SELECT u.id AS "Value" FROM users u WHERE u.deleted_at IS NULL AND u.id > {from} ORDER BY u.id LIMIT {take}
                """),
        }).ToListAsync(cancellationToken);
        var sources = await LoadKindAsync(kind, ids, cancellationToken);
        return [.. sources.OrderBy(s => ids.IndexOf(s.Key.Id))];
    }

    /// <summary>How many indexable objects of a kind exist (for progress reports).</summary>
    public Task<int> CountAsync(SearchDocumentKind kind, CancellationToken cancellationToken) => kind switch
    {
        SearchDocumentKind.Post => Posts().CountAsync(cancellationToken),
        SearchDocumentKind.Product => Products().CountAsync(cancellationToken),
        _ => Users().CountAsync(cancellationToken),
    };

    private IQueryable<Post> Posts() =>
        db.Posts.AsNoTracking().Where(p => p.Status == ContentStatus.Published && p.Author!.DeletedAt == null);

    private IQueryable<Product> Products() =>
        db.Products.AsNoTracking().Where(p => p.Status == ContentStatus.Published && p.Owner!.DeletedAt == null);

    private IQueryable<User> Users() => db.Users.AsNoTracking().Where(u => u.DeletedAt == null);

    private async Task<List<SearchSource>> LoadKindAsync(SearchDocumentKind kind, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        switch (kind)
        {
            case SearchDocumentKind.Post:
                var posts = await Posts().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Text, p.Tags, p.AuthorId, p.CreatedAt, p.UpdatedAt })
                    .ToListAsync(cancellationToken);
                return posts.ConvertAll(p => new SearchSource(new VectorKey(kind, p.Id), SearchText.ForPost(p.Text, p.Tags),
                    p.AuthorId, p.CreatedAt, p.UpdatedAt));
            case SearchDocumentKind.Product:
                var products = await Products().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Name, p.Description, p.OwnerId, p.CreatedAt, p.UpdatedAt })
                    .ToListAsync(cancellationToken);
                return products.ConvertAll(p => new SearchSource(new VectorKey(kind, p.Id), SearchText.ForProduct(p.Name, p.Description),
                    p.OwnerId, p.CreatedAt, p.UpdatedAt));
            default:
                var users = await Users().Where(u => ids.Contains(u.Id))
                    .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Profile.Bio, u.CreatedAt, u.UpdatedAt })
                    .ToListAsync(cancellationToken);
                return users.ConvertAll(u => new SearchSource(new VectorKey(kind, u.Id),
                    SearchText.ForUser(u.UserName ?? string.Empty, u.DisplayName, u.Bio), u.Id, u.CreatedAt, u.UpdatedAt));
        }
    }
}
