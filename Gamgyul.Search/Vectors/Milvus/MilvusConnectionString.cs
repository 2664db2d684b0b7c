using System.Data.Common;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// Reads the Milvus address an AppHost hands over as a connection string: a bare URL, or
/// <c>Endpoint=http://host:19530;Key=root:Milvus;Database=db</c> (the shape Aspire's Milvus resources use).
/// </summary>
internal static class MilvusConnectionString
{
    public static Uri? Parse(string? connectionString, MilvusOptions options)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var bare) && bare.Scheme is "http" or "https")
        {
            return bare;
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (parts.TryGetValue("Key", out var key) && string.IsNullOrEmpty(options.Token))
        {
            options.Token = key?.ToString();
        }

        if (parts.TryGetValue("Database", out var database) && string.IsNullOrEmpty(options.Database))
        {
            options.Database = database?.ToString();
        }

        return parts.TryGetValue("Endpoint", out var endpoint) && Uri.TryCreate(endpoint?.ToString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException("The milvus connection string has no valid Endpoint.");
    }
}
