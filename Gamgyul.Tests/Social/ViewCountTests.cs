using System.Net;
using Gamgyul.Api.Posts;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class ViewCountTests(ManualFlushApiFactory factory) : IClassFixture<ManualFlushApiFactory>
{
    private Task<long> FlushAsync() => factory.Services.GetRequiredService<PostViewFlusher>().FlushAsync();

    private async Task<long> StoredViewsAsync(Guid post)
    {
        await using var db = factory.CreateDbContext();
        return await db.Posts.Where(p => p.Id == post).Select(p => p.ViewsCount).SingleAsync();
    }

    private static HttpClient Browser(ApiFactory factory, string userAgent)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    [Fact]
    public async Task Repeat_views_within_the_window_count_once_per_viewer_and_reads_never_write()
    {
        await FlushAsync();
        var author = await factory.CreateUserAsync();
        var reader = await factory.CreateUserAsync();
        var post = (await author.CreatePostAsync("count my views")).Uuid();
        var url = $"/posts/p/{post}/";
        using var counter = new SqlCommandCounter();

        long shown = 0;
        for (var i = 0; i < 5; i++)
        {
            var (response, commands) = await counter.Send(reader.Client, url);
            shown = (await response.ReadJsonAsync()).GetProperty("views_count").GetInt64();
            Assert.NotEmpty(commands);
            Assert.All(commands, sql => Assert.StartsWith("SELECT", sql.TrimStart(), StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(1, shown);
        await author.Client.GetJsonAsync(url);
        await Browser(factory, "PhoneBrowser/1.0").GetJsonAsync(url);
        await Browser(factory, "PhoneBrowser/1.0").GetJsonAsync(url);
        var last = await Browser(factory, "DesktopBrowser/2.0").GetJsonAsync(url);
        Assert.Equal(4, last.GetProperty("views_count").GetInt64());
        Assert.Equal(0, await StoredViewsAsync(post));

        Assert.Equal(4, await FlushAsync());

        Assert.Equal(4, await StoredViewsAsync(post));
        Assert.Equal(4, (await reader.Client.GetJsonAsync(url)).GetProperty("views_count").GetInt64());
        Assert.Equal(0, await FlushAsync());
    }

    [Fact]
    public async Task One_flush_writes_the_views_of_many_posts()
    {
        await FlushAsync();
        var author = await factory.CreateUserAsync();
        var readers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.CreateUserAsync()));
        var posts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            posts.Add((await author.CreatePostAsync($"post {i}")).Uuid());
        }

        for (var i = 0; i < posts.Count; i++)
        {
            foreach (var reader in readers.Take(i + 1))
            {
                await reader.Client.GetJsonAsync($"/posts/p/{posts[i]}/");
            }
        }

        Assert.Equal(6, await FlushAsync());
        var stored = await Task.WhenAll(posts.Select(StoredViewsAsync));
        Assert.Equal(new long[] { 1, 2, 3 }, stored);
    }

    [Fact]
    public async Task Views_of_an_unknown_post_are_not_counted()
    {
        var reader = await factory.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/posts/p/{Guid.NewGuid()}/")).StatusCode);
    }
}
