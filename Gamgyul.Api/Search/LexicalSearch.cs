using System.Globalization;
using Gamgyul.Api.Posts;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Search;

/// <summary>
/// The lexical ranking, in Postgres: pg_trgm word similarity (Hangul is a word character under the UTF-8
/// locale, so Korean with other spacing or a missing syllable still shares most trigrams) plus exact matches that
/// outrank any similarity: a post tag equal to a query word, a handle equal to the query. Only published content of
/// existing accounts.
/// Posts and products are bounded: each text branch walks a GiST trigram index in word-similarity distance order
/// (<c>&lt;&lt;-&gt;</c>) and stops after <see cref="SearchQueryOptions.MaxCandidates"/> rows, so a common word that
/// matches most of the table costs the same as a rare one (scoring every match before sorting took seconds at
/// 100 000 posts). Only those candidates are scored and sorted. Among texts of equal similarity the index decides
/// which are taken (no longer the newest). Users keep the GIN filters: handles and names are short and few match.
/// </summary>
public sealed class LexicalSearch(GamgyulDbContext db, IOptions<SearchQueryOptions> options)
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '\u3000', ',', '#', '@'];

    public async Task<List<Guid>> RankAsync(SearchDocumentKind kind, string query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // SET LOCAL: the thresholds of the % and <% operators for this statement only, never for the pooled connection.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var wordThreshold = settings.WordSimilarityThreshold.ToString(CultureInfo.InvariantCulture);
            var handleThreshold = settings.HandleSimilarityThreshold.ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.word_similarity_threshold', {wordThreshold}, true), set_config('pg_trgm.similarity_threshold', {handleThreshold}, true)", ct);
            var ids = await Query(kind, query.Trim(), settings.MaxCandidates).ToListAsync(ct);
            await transaction.CommitAsync(ct);
            return ids;
        }, cancellationToken);
    }

    private IQueryable<Guid> Query(SearchDocumentKind kind, string q, int limit)
    {
        switch (kind)
        {
            case SearchDocumentKind.Post:
                var tags = Tags(q);
                // Two bounded candidate sets (nearest texts, newest exact tag matches), then scored and sorted.
                return db.Database.SqlQuery<Guid>($"""
                    WITH candidates AS (
                        (SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id
                         WHERE p.status = 'Published' AND u.deleted_at IS NULL AND {q} <% p.text
                         ORDER BY {q} <<-> p.text
                         LIMIT {limit})
                        UNION
                        (SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id
                         WHERE p.status = 'Published' AND u.deleted_at IS NULL AND p.tags && {tags}
                         ORDER BY p.created_at DESC, p.id DESC
                         LIMIT {limit}))
                    SELECT p.id AS "Value" FROM candidates c JOIN posts p ON p.id = c.id
                    ORDER BY (CASE WHEN p.tags && {tags} THEN 1 ELSE 0 END) + word_similarity({q}, p.text) DESC,
                             p.created_at DESC, p.id DESC
                    LIMIT {limit}
                    """);
            case SearchDocumentKind.Product:
                return db.Database.SqlQuery<Guid>($"""
                    WITH candidates AS (
                        (SELECT p.id FROM products p JOIN users u ON u.id = p.owner_id
                         WHERE p.status = 'Published' AND u.deleted_at IS NULL AND {q} <% p.name
                         ORDER BY {q} <<-> p.name
                         LIMIT {limit})
                        UNION
                        (SELECT p.id FROM products p JOIN users u ON u.id = p.owner_id
                         WHERE p.status = 'Published' AND u.deleted_at IS NULL AND {q} <% p.description
                         ORDER BY {q} <<-> p.description
                         LIMIT {limit}))
                    SELECT p.id AS "Value" FROM candidates c JOIN products p ON p.id = c.id
                    ORDER BY GREATEST(word_similarity({q}, p.name), 0.8 * word_similarity({q}, p.description)) DESC,
                             p.created_at DESC, p.id DESC
                    LIMIT {limit}
                    """);
            default:
                var handle = q.TrimStart('@').ToLowerInvariant();
                return db.Database.SqlQuery<Guid>($"""
                    SELECT u.id AS "Value" FROM users u
                    WHERE u.deleted_at IS NULL
                      AND (lower(u.handle) = {handle} OR {handle} % u.handle OR {q} % u.display_name OR {q} <% u.display_name)
                    ORDER BY (lower(u.handle) = {handle}) DESC,
                             GREATEST(similarity({handle}, u.handle), similarity({q}, u.display_name), word_similarity({q}, u.display_name)) DESC,
                             u.id DESC
                    LIMIT {limit}
                    """);
        }
    }

    /// <summary>Query words that could be tags, and the whole query run together (제주 감귤 → #제주감귤).</summary>
    private static string[] Tags(string q)
    {
        var words = q.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return words.Append(string.Concat(words))
            .Select(TagParser.Normalize)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
