using System.Net;
using System.Net.Http.Json;
using Gamgyul.Api.Posts;
using Gamgyul.Data;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Tests.Social;

/// <summary>
/// Anonymous post details come from memory for a few seconds, yet any write made through the node shows
/// at once: the cache is keyed by the <see cref="DatabaseWrites"/> generation.
/// </summary>
public class AnonymousPostCacheTests(LongPostCacheApiFactory factory) : IClassFixture<LongPostCacheApiFactory>
{
    private static PostResponse Post(string text) => new(Guid.CreateVersion7(), null!, null, [], default, [], text, [], 0, 0, 0,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false);

    private static AnonymousPostCache Cache(DatabaseWrites writes, double seconds = 60) =>
        new(Options.Create(new PostCacheOptions { AnonymousDetailSeconds = seconds }), writes);

    [Fact]
    public async Task A_post_is_loaded_once_per_write_generation()
    {
        var writes = new DatabaseWrites();
        using var cache = Cache(writes);
        var id = Guid.CreateVersion7();
        var loads = 0;
        Task<PostResponse?> Load(CancellationToken _) => Task.FromResult<PostResponse?>(Post($"load {++loads}"));

        Assert.Equal("load 1", (await cache.GetOrLoadAsync(id, Load, default))!.Text);
        Assert.Equal("load 1", (await cache.GetOrLoadAsync(id, Load, default))!.Text);
        writes.Advance();
        Assert.Equal("load 2", (await cache.GetOrLoadAsync(id, Load, default))!.Text);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Missing_posts_are_not_remembered_and_a_zero_lifetime_turns_the_cache_off()
    {
        var writes = new DatabaseWrites();
        var id = Guid.CreateVersion7();
        var loads = 0;
        using (var cache = Cache(writes))
        {
            Task<PostResponse?> Missing(CancellationToken _)
            {
                loads++;
                return Task.FromResult<PostResponse?>(null);
            }

            Assert.Null(await cache.GetOrLoadAsync(id, Missing, default));
            Assert.Null(await cache.GetOrLoadAsync(id, Missing, default));
            Assert.Equal(2, loads);
        }

        using var off = Cache(writes, seconds: 0);
        Task<PostResponse?> Load(CancellationToken _) => Task.FromResult<PostResponse?>(Post($"load {++loads}"));
        await off.GetOrLoadAsync(id, Load, default);
        Assert.Equal("load 4", (await off.GetOrLoadAsync(id, Load, default))!.Text);
    }

    [Fact]
    public async Task Writes_in_an_unobserved_scope_such_as_the_view_flush_leave_cached_reads_alone()
    {
        var writes = new DatabaseWrites();
        var options = new DbContextOptionsBuilder<GamgyulDbContext>().UseNpgsql(factory.DatabaseConnectionString)
            .UseSnakeCaseNamingConvention().AddInterceptors(writes).Options;
        await using var db = new GamgyulDbContext(options);
        const string Touch = "UPDATE posts SET views_count = views_count WHERE false";
        var before = writes.Generation;

        using (DatabaseWrites.Unobserved())
        {
            await db.Database.ExecuteSqlRawAsync(Touch);
        }

        Assert.Equal(before, writes.Generation);
        await db.Database.ExecuteSqlRawAsync(Touch);
        Assert.True(writes.Generation > before);
    }

    [Theory]
    [InlineData("SELECT 1", true)]
    [InlineData("  \n-- tag\nselect p.id FROM posts AS p", true)]
    [InlineData("UPDATE posts SET text = 'x'", false)]
    [InlineData("-- SELECT\nINSERT INTO posts VALUES (1)", false)]
    [InlineData("WITH x AS (DELETE FROM posts RETURNING id) SELECT * FROM x", false)]
    public void Only_statements_that_start_with_select_count_as_reads(string sql, bool read) =>
        Assert.Equal(read, DatabaseWrites.IsRead(sql));

    [Fact]
    public async Task Writes_through_the_api_show_to_anonymous_readers_at_once()
    {
        var author = await factory.CreateUserAsync();
        var reader = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("first words")).Uuid();
        var url = $"/posts/p/{post}/";
        var anonymous = factory.CreateClient();
        Assert.Equal("first words", (await anonymous.GetJsonAsync(url)).GetProperty("text").GetString());

        await (await author.Client.PatchAsJsonAsync(url, new { text = "second words" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("second words", (await anonymous.GetJsonAsync(url)).GetProperty("text").GetString());

        await (await reader.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = post })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await anonymous.GetJsonAsync(url)).GetProperty("likes_count").GetInt32());

        await (await author.Client.DeleteAsync(url)).ExpectAsync(HttpStatusCode.NoContent);
        await anonymous.GetJsonAsync(url, HttpStatusCode.NotFound);
    }
}

/// <summary>The Api with a minute-long anonymous post cache, so only invalidation can make a change show.</summary>
public sealed class LongPostCacheApiFactory : ApiFactory
{
    public LongPostCacheApiFactory() => WithSetting("Posts:Cache:AnonymousDetailSeconds", "60");
}
