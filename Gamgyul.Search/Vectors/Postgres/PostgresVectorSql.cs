using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors.Exact;
using Npgsql;
using NpgsqlTypes;

namespace Gamgyul.Search.Vectors.Postgres;

/// <summary>
/// The SQL of <see cref="PostgresVectorIndex"/>. Plain Npgsql rather than EF Core: a load streams every
/// vector, and <c>indexed_at</c> must be stamped by the database clock inside the statement.
/// Enums are stored by name, as the EF model stores them.
/// </summary>
internal static class PostgresVectorSql
{
    private const string Columns = "kind, document_id, embedding, author_id, created_at, status, is_deleted, indexed_at";

    /// <summary>
    /// <c>clock_timestamp()</c> in the SET clause is evaluated after the row lock is taken, so of two writers
    /// of one row the later one also gets the later stamp.
    /// </summary>
    public static NpgsqlBatchCommand Upsert(VectorRecord record, float[] normalizedVector)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO search_documents
                (kind, document_id, embedding, model, author_id, created_at, status, source_updated_at, indexed_at, is_deleted)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp(), false)
            ON CONFLICT (kind, document_id) DO UPDATE SET
                embedding = excluded.embedding, model = excluded.model, author_id = excluded.author_id,
                created_at = excluded.created_at, status = excluded.status,
                source_updated_at = excluded.source_updated_at, indexed_at = clock_timestamp(), is_deleted = false
            RETURNING indexed_at
            """);
        var metadata = record.Metadata;
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Key.Kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = record.Key.Id });
        command.Parameters.Add(new NpgsqlParameter<float[]> { TypedValue = normalizedVector, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Model });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)metadata.AuthorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = metadata.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = metadata.SourceUpdatedAt.ToUniversalTime() });
        return command;
    }

    /// <summary>Turns live rows into tombstones and returns (document_id, indexed_at) of each.</summary>
    public static NpgsqlBatchCommand Tombstone(SearchDocumentKind kind, Guid[] ids)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE search_documents SET is_deleted = true, embedding = '{}', indexed_at = clock_timestamp()
            WHERE kind = $1 AND document_id = ANY($2) AND NOT is_deleted
            RETURNING document_id, indexed_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        return command;
    }

    public static NpgsqlBatchCommand PurgeTombstones(TimeSpan retention)
    {
        var command = new NpgsqlBatchCommand(
            "DELETE FROM search_documents WHERE is_deleted AND indexed_at < clock_timestamp() - $1");
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
        return command;
    }

    /// <summary>Every row (tombstones included) stamped after <paramref name="since"/>.</summary>
    public static NpgsqlCommand ChangedSince(NpgsqlDataSource dataSource, DateTimeOffset since)
    {
        if (since == DateTimeOffset.MinValue)
        {
            return dataSource.CreateCommand($"SELECT {Columns} FROM search_documents");
        }

        var command = dataSource.CreateCommand($"SELECT {Columns} FROM search_documents WHERE indexed_at > $1");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() });
        return command;
    }

    public static PostgresVectorRow ReadRow(NpgsqlDataReader reader)
    {
        var key = new VectorKey(Enum.Parse<SearchDocumentKind>(reader.GetString(0)), reader.GetGuid(1));
        var indexedAt = reader.GetFieldValue<DateTimeOffset>(7);
        var entry = new ExactEntry
        {
            Id = key.Id,
            AuthorId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
            Status = Enum.Parse<ContentStatus>(reader.GetString(5)),
            Version = indexedAt,
        };
        return new PostgresVectorRow(key, reader.GetFieldValue<float[]>(2), entry, reader.GetBoolean(6), indexedAt);
    }
}
