using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Social;

public class ViewWindowTests(ShortViewWindowApiFactory factory) : IClassFixture<ShortViewWindowApiFactory>
{
    [Fact]
    public async Task A_viewer_counts_again_once_the_window_has_passed()
    {
        var author = await factory.CreateUserAsync();
        var reader = await factory.CreateUserAsync();
        var url = $"/posts/p/{(await author.CreatePostAsync("come back later")).Uuid()}/";

        Assert.Equal(1, (await reader.Client.GetJsonAsync(url)).GetProperty("views_count").GetInt64());
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        Assert.Equal(2, (await reader.Client.GetJsonAsync(url)).GetProperty("views_count").GetInt64());
    }
}
