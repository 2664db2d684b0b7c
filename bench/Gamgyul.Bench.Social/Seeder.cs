using System.Diagnostics;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gamgyul.Bench.Social;

/// <summary>
/// Generates the benchmark data set, deterministically from <c>--seed</c>: users with power-law follows
/// (Pareto out-degrees, Zipf-chosen targets) and one star followed by exactly <c>--star-followers</c>
/// users; posts by Zipf-chosen authors over the last 60 days, with images, likes, comments and replies.
/// Rows go in with binary COPY; counters are then computed from the rows, so they are exact.
/// </summary>
public static class Seeder
{
    private static readonly string[] Words =
    [
        "감귤", "제주", "귤", "한라봉", "천혜향", "레드향", "수확", "농장", "택배", "선물", "새콤", "달콤", "오늘", "주말",
        "맛있는", "신선한", "무농약", "과수원", "tangerine", "fresh", "farm", "harvest", "jeju", "sweet", "일상", "카페",
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var connectionString = options.Get("db");
        var userCount = options.Int("users", 10_000);
        var postCount = options.Int("posts", 200_000);
        var starFollowers = options.Int("star-followers", 5_000);
        var random = new Random(options.Int("seed", 42));
        var clock = Stopwatch.StartNew();

        await using (var db = BenchDb.Create(connectionString))
        {
            await db.Database.MigrateAsync();
            if (await db.Users.AnyAsync())
            {
                Console.WriteLine("seed: the database already has users; nothing to do");
                return 0;
            }
        }

        // Bulk loads outlast the default 30 s command timeout; one transaction makes a failed seed leave nothing.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ToString());
        await using var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;

        // Users: index 0 is the star; the rank of a user is its index (lower = more popular, more active).
        var users = new Guid[userCount];
        var userCreated = new DateTimeOffset[userCount];
        for (var i = 0; i < userCount; i++)
        {
            userCreated[i] = now.AddDays(-400 + random.NextDouble() * 300);
            users[i] = Guid.CreateVersion7(userCreated[i]);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY users (id, handle, normalized_handle, email, normalized_email, email_confirmed, security_stamp, concurrency_stamp, " +
            "phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, is_public, " +
            "follows_count, followers_count, created_at, updated_at, profile_bio, profile_link1, profile_link2, profile_profile_image_url) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < userCount; i++)
            {
                var handle = $"bench{i:D5}";
                await copy.StartRowAsync();
                await copy.WriteAsync(users[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(handle, NpgsqlDbType.Varchar);
                await copy.WriteAsync(handle.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync($"{handle}@bench.example", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"{handle}@BENCH.EXAMPLE", NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(StampOf(users[i]), NpgsqlDbType.Text);
                await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync($"귤농부{i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(userCreated[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(userCreated[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("제주에서 귤 키워요", NpgsqlDbType.Varchar);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"https://img.example.com/avatars/{i}.jpg", NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"seed: {userCount} users ({clock.Elapsed.TotalSeconds:F1} s)");

        // Follows: the star's followers, then Pareto out-degrees (x_m = 5, alpha = 1.2, at most 1000) with Zipf targets.
        var follows = new HashSet<(int, int)>();
        for (var i = 1; i <= Math.Min(starFollowers, userCount - 1); i++)
        {
            follows.Add((i, 0));
        }

        var targets = new Zipf(userCount - 1, 1.0, random);
        for (var follower = 0; follower < userCount; follower++)
        {
            var degree = (int)Math.Min(1000, Math.Floor(5 * Math.Pow(1 - random.NextDouble(), -1 / 1.2)));
            for (var attempt = 0; attempt < degree * 3 && degree > 0; attempt++)
            {
                var followee = 1 + targets.Next(); // the star's audience is fixed above
                if (followee != follower && follows.Add((follower, followee)) && --degree == 0)
                {
                    break;
                }
            }
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY follows (follower_id, followee_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (follower, followee) in follows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(users[follower], NpgsqlDbType.Uuid);
                await copy.WriteAsync(users[followee], NpgsqlDbType.Uuid);
                await copy.WriteAsync(now.AddDays(-random.NextDouble() * 90), NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"seed: {follows.Count} follows ({clock.Elapsed.TotalSeconds:F1} s)");

        // Posts by Zipf-chosen authors (s = 0.8: the most active user writes about 3 %).
        var authors = new Zipf(userCount, 0.8, random);
        var posts = new Guid[postCount];
        var postCreated = new DateTimeOffset[postCount];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY posts (id, author_id, text, category, tags, status, views_count, likes_count, comments_count, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < postCount; i++)
            {
                postCreated[i] = now.AddSeconds(-random.NextDouble() * 60 * 24 * 3600);
                posts[i] = Guid.CreateVersion7(postCreated[i]);
                var tags = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Words[random.Next(Words.Length)]).Distinct().ToArray();
                var text = string.Join(' ', Enumerable.Range(0, random.Next(5, 30)).Select(_ => Words[random.Next(Words.Length)]))
                    + string.Concat(tags.Select(t => " #" + t));
                await copy.StartRowAsync();
                await copy.WriteAsync(posts[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(users[authors.Next()], NpgsqlDbType.Uuid);
                await copy.WriteAsync(text, NpgsqlDbType.Varchar);
                await copy.WriteAsync(DBNull.Value, NpgsqlDbType.Varchar);
                await copy.WriteAsync(tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("Published", NpgsqlDbType.Varchar);
                await copy.WriteAsync((long)random.Next(0, 500), NpgsqlDbType.Bigint);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(postCreated[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(postCreated[i], NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY post_images (post_id, position, url) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < postCount; i++)
            {
                var imageCount = random.Next(0, 4);
                for (var position = 0; position < imageCount; position++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(posts[i], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(position, NpgsqlDbType.Integer);
                    await copy.WriteAsync($"https://img.example.com/posts/{i}/{position}.jpg", NpgsqlDbType.Varchar);
                }
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"seed: {postCount} posts with images ({clock.Elapsed.TotalSeconds:F1} s)");

        // Likes: a geometric number per post from distinct random users.
        var likes = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY post_likes (user_id, post_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < postCount; i++)
            {
                var likers = new HashSet<int>();
                while (random.NextDouble() < 0.7 && likers.Count < 200)
                {
                    likers.Add(random.Next(userCount));
                }

                foreach (var liker in likers)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(users[liker], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(posts[i], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(postCreated[i].AddMinutes(random.Next(1, 600)), NpgsqlDbType.TimestampTz);
                    likes++;
                }
            }

            await copy.CompleteAsync();
        }

        // Comments on a third of the posts, a third of them with a reply.
        var comments = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY comments (id, post_id, author_id, parent_id, content, status, likes_count, replies_count, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < postCount; i++)
            {
                if (random.Next(3) != 0)
                {
                    continue;
                }

                for (var c = 0; c < random.Next(1, 5); c++)
                {
                    var at = postCreated[i].AddMinutes(random.Next(1, 1000));
                    var id = Guid.CreateVersion7(at);
                    await WriteCommentAsync(copy, id, posts[i], users[random.Next(userCount)], null, at);
                    comments++;
                    if (random.Next(3) == 0)
                    {
                        var replyAt = at.AddMinutes(random.Next(1, 100));
                        await WriteCommentAsync(copy, Guid.CreateVersion7(replyAt), posts[i], users[random.Next(userCount)], id, replyAt);
                        comments++;
                    }
                }
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"seed: {likes} likes, {comments} comments and replies ({clock.Elapsed.TotalSeconds:F1} s)");

        foreach (var sql in new[]
        {
            "UPDATE users u SET follows_count = c.n FROM (SELECT follower_id AS id, count(*)::int AS n FROM follows GROUP BY 1) c WHERE u.id = c.id",
            "UPDATE users u SET followers_count = c.n FROM (SELECT followee_id AS id, count(*)::int AS n FROM follows GROUP BY 1) c WHERE u.id = c.id",
            "UPDATE posts p SET likes_count = c.n FROM (SELECT post_id AS id, count(*)::int AS n FROM post_likes GROUP BY 1) c WHERE p.id = c.id",
            "UPDATE posts p SET comments_count = c.n FROM (SELECT post_id AS id, count(*)::int AS n FROM comments GROUP BY 1) c WHERE p.id = c.id",
            "UPDATE comments p SET replies_count = c.n FROM (SELECT parent_id AS id, count(*)::int AS n FROM comments WHERE parent_id IS NOT NULL GROUP BY 1) c WHERE p.id = c.id",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seed: counters and statistics done ({clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>The security stamp given to a seeded user, so tokens can be minted without reading it back.</summary>
    public static string StampOf(Guid user) => "bench-" + user.ToString("N");

    private static async Task WriteCommentAsync(NpgsqlBinaryImporter copy, Guid id, Guid post, Guid author, Guid? parent, DateTimeOffset at)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(id, NpgsqlDbType.Uuid);
        await copy.WriteAsync(post, NpgsqlDbType.Uuid);
        await copy.WriteAsync(author, NpgsqlDbType.Uuid);
        if (parent is { } p)
        {
            await copy.WriteAsync(p, NpgsqlDbType.Uuid);
        }
        else
        {
            await copy.WriteNullAsync();
        }

        await copy.WriteAsync("맛있어 보여요! 주문했어요", NpgsqlDbType.Varchar);
        await copy.WriteAsync("Published", NpgsqlDbType.Varchar);
        await copy.WriteAsync(0, NpgsqlDbType.Integer);
        await copy.WriteAsync(0, NpgsqlDbType.Integer);
        await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
    }
}
