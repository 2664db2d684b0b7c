using System.Text.Json;
using Gamgyul.Data;
using Npgsql;

namespace Gamgyul.Bench.Social;

/// <summary>
/// The bare baseline: Kestrel with one request delegate, Npgsql and a hand-driven JSON writer; no routing,
/// no authentication, no EF Core, no validation. <c>/feed?user=&amp;page_size=</c> runs the Api's home-feed
/// SQL (<see cref="FeedSql"/>) and streams every row; <c>/post?id=</c> reads one post row.
/// </summary>
public static class BaselineServer
{
    private const string PostSql = """
        SELECT id, author_id, text, category, tags, status, views_count, likes_count, comments_count, created_at, updated_at
        FROM posts WHERE id = @id
        """;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var connectionString = options.Get("db");
        var feed = FeedSql.Capture(connectionString);
        // The Api's own connection settings (statement preparation included), so both run the SQL alike.
        await using var dataSource = NpgsqlDataSource.Create(DataServiceExtensions.WithStatementPreparation(connectionString)!);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Get("urls", "http://127.0.0.1:25090"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var query = context.Request.Query;
            switch (context.Request.Path.Value)
            {
                case "/feed" when Guid.TryParse(query["user"], out var user):
                    var size = int.TryParse(query["page_size"], out var requested) ? Math.Clamp(requested, 1, 50) : 10;
                    await FeedAsync(context, dataSource, feed, user, size);
                    break;
                case "/post" when Guid.TryParse(query["id"], out var id):
                    await PostAsync(context, dataSource, id);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }
        });
        Console.WriteLine("baseline: listening");
        await app.RunAsync();
        return 0;
    }

    private static async Task FeedAsync(HttpContext context, NpgsqlDataSource dataSource, FeedSql feed, Guid user, int size)
    {
        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        // Like the Api: the page; whether the caller follows anyone only when no one else's post is on it (the
        // cold-start switch); then, if any of its posts has comments, their first comments with the first reply of each.
        var (commented, onlyMine) = await RunAsync(json, "posts", connection, feed.Posts, user, size, [], "comments_count", cancel);
        if (onlyMine)
        {
            await using var exists = new NpgsqlCommand(FeedSql.FollowsAnySql, connection);
            exists.Parameters.AddWithValue("me", user);
            await exists.ExecuteScalarAsync(cancel);
        }

        if (commented.Length > 0)
        {
            await RunAsync(json, "comments", connection, feed.Previews, user, size, commented, null, cancel);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancel);
    }

    /// <summary>
    /// Streams the statement's rows; returns the distinct ids (column <c>id</c>) of rows whose <paramref name="countColumn"/>
    /// is above zero, and whether every row's <c>author_id</c> is the user's.
    /// </summary>
    private static async Task<(Guid[] Counted, bool OnlyMine)> RunAsync(Utf8JsonWriter json, string name, NpgsqlConnection connection,
        FeedSql.Statement statement, Guid user, int size, Guid[] ids, string? countColumn, CancellationToken cancel)
    {
        var next = new HashSet<Guid>();
        var onlyMine = true;
        json.WriteStartArray(name);
        await using var command = new NpgsqlCommand(statement.Sql, connection);
        statement.Bind(command, user, size, ids);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var count = countColumn is null ? -1 : reader.GetOrdinal(countColumn);
        var id = countColumn is null ? -1 : reader.GetOrdinal("id");
        var author = countColumn is null ? -1 : reader.GetOrdinal("author_id");
        while (await reader.ReadAsync(cancel))
        {
            WriteRow(json, reader);
            if (count >= 0 && reader.GetInt32(count) > 0)
            {
                next.Add(reader.GetGuid(id));
            }

            onlyMine &= author < 0 || reader.GetGuid(author) == user;
        }

        json.WriteEndArray();
        return ([.. next], onlyMine);
    }

    private static async Task PostAsync(HttpContext context, NpgsqlDataSource dataSource, Guid id)
    {
        await using var command = dataSource.CreateCommand(PostSql);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        if (!await reader.ReadAsync(context.RequestAborted))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        WriteRow(json, reader);
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            if (reader.IsDBNull(i))
            {
                json.WriteNull(name);
                continue;
            }

            switch (reader.GetValue(i))
            {
                case Guid g: json.WriteString(name, g); break;
                case string s: json.WriteString(name, s); break;
                case bool b: json.WriteBoolean(name, b); break;
                case int n: json.WriteNumber(name, n); break;
                case long n: json.WriteNumber(name, n); break;
                case DateTime t: json.WriteString(name, t); break;
                case DateTimeOffset t: json.WriteString(name, t); break;
                case string[] a:
                    json.WriteStartArray(name);
                    foreach (var item in a)
                    {
                        json.WriteStringValue(item);
                    }

                    json.WriteEndArray();
                    break;
                case var other: json.WriteString(name, other.ToString()); break;
            }
        }

        json.WriteEndObject();
    }
}
