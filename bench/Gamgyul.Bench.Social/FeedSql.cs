using System.Text.RegularExpressions;
using Gamgyul.Api.Feed;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Posts;
using Gamgyul.Api.Social;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gamgyul.Bench.Social;

/// <summary>
/// The SQL statements the Api runs for a first home-feed page, taken from the Api's own queries (EF's
/// <c>ToQueryString</c>), so the baseline runs the very same statements: the page of posts, then the first
/// comments (each with its first reply) of the posts that have any. Their parameters are recognised by the
/// sentinel values the queries were built with.
/// </summary>
public sealed partial class FeedSql
{
    private static readonly Guid Sentinel = Guid.Parse("0193a3a3-0000-7000-8000-00000000abcd");

    // A page size whose LIMIT (size + 1) no other parameter of the captured statements has.
    private const int CapturePageSize = 17;

    private FeedSql(Statement posts, Statement previews)
    {
        Posts = posts;
        Previews = previews;
    }

    /// <summary>Whether the caller follows anyone (the cold-start switch), asked when a first page shows only their own posts; EF writes it so.</summary>
    public static string FollowsAnySql => "SELECT EXISTS (SELECT 1 FROM follows AS f WHERE f.follower_id = @me)";

    public Statement Posts { get; }

    public Statement Previews { get; }

    public static FeedSql Capture(string connectionString)
    {
        using var db = BenchDb.Create(connectionString);
        var viewer = new Viewer(Sentinel, false);
        var page = new CursorPageRequest(null, false, CapturePageSize);
        return new FeedSql(
            Parse(FeedQueries.Home(db, viewer)
                .KeysetPage(page, p => p.CreatedAt, p => p.Id)
                .ToResponses(db, viewer)
                .ToQueryString()),
            Parse(PostQueries.CommentPreviews(db, viewer, [Sentinel, Sentinel]).ToQueryString()));
    }

    private static Statement Parse(string text)
    {
        var parameters = new List<Parameter>();
        var body = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var match = ParameterLine().Match(line);
            if (!match.Success)
            {
                body.Add(line);
                continue;
            }

            var value = match.Groups["value"].Value;
            var name = match.Groups["name"].Value;
            parameters.Add(match.Groups["list"].Success ? new Parameter(name, Role.Ids, null)
                : value == Sentinel.ToString() ? new Parameter(name, Role.Viewer, null)
                : value is "False" or "True" ? new Parameter(name, Role.Constant, value == "True")
                : value == (CapturePageSize + 1).ToString() ? new Parameter(name, Role.Limit, null)
                : int.TryParse(value, out var number) ? new Parameter(name, Role.Constant, number)
                : throw new InvalidOperationException($"Unrecognised parameter in the Api's SQL: {line}"));
        }

        return new Statement(string.Join('\n', body).Trim(), parameters);
    }

    [GeneratedRegex(@"^-- (?<name>@?\w+)=(?:'(?<value>[^']*)'|(?<list>\{.*\})|(?<value>\w+))")]
    private static partial Regex ParameterLine();

    public enum Role
    {
        Viewer,
        Ids,
        Limit,
        Constant,
    }

    public sealed record Parameter(string Name, Role Role, object? Value);

    /// <summary>One captured statement; <see cref="Bind"/> gives its parameters this request's values.</summary>
    public sealed record Statement(string Sql, IReadOnlyList<Parameter> Parameters)
    {
        public void Bind(NpgsqlCommand command, Guid viewer, int pageSize, Guid[] ids)
        {
            foreach (var parameter in Parameters)
            {
                var name = parameter.Name.TrimStart('@');
                command.Parameters.Add(parameter.Role switch
                {
                    Role.Viewer => new NpgsqlParameter(name, NpgsqlDbType.Uuid) { Value = viewer },
                    Role.Ids => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                    Role.Limit => new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = pageSize + 1 },
                    _ => new NpgsqlParameter(name, parameter.Value),
                });
            }
        }
    }
}
