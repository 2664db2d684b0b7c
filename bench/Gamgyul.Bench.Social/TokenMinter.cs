using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gamgyul.Bench.Social;

/// <summary>
/// Writes the load generator's inputs: <c>users.txt</c> (user id and an access token issued by the Api's
/// own issuer, for users who follow someone) and <c>posts.txt</c> (post ids, most liked first).
/// </summary>
public static class TokenMinter
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var directory = options.Get("out");
        Directory.CreateDirectory(directory);
        var issuer = new AccessTokenIssuer(Options.Create(new JwtOptions
        {
            SigningKey = options.Get("signing-key"),
            AccessTokenMinutes = 24 * 60,
        }), TimeProvider.System);

        await using var dataSource = NpgsqlDataSource.Create(options.Get("db"));
        await using (var writer = new StreamWriter(Path.Combine(directory, "users.txt")))
        await using (var command = dataSource.CreateCommand("SELECT id, security_stamp FROM users WHERE follows_count > 0 ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var user = new User { Id = reader.GetGuid(0), SecurityStamp = reader.GetString(1) };
                await writer.WriteLineAsync($"{user.Id} {issuer.Issue(user, [])}");
            }
        }

        await using (var writer = new StreamWriter(Path.Combine(directory, "posts.txt")))
        await using (var command = dataSource.CreateCommand("SELECT id FROM posts ORDER BY likes_count DESC, id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                await writer.WriteLineAsync(reader.GetGuid(0).ToString());
            }
        }

        Console.WriteLine($"tokens: written to {directory}");
        return 0;
    }
}
