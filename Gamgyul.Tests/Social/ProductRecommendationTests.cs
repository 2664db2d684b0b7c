using System.Net;
using System.Net.Http.Json;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

/// <summary>Recommendations rank every recent product, so they get a database of their own.</summary>
public class ProductRecommendationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Recommendations_rank_recent_products_of_followed_sellers_first_and_skip_old_ones()
    {
        var popularSeller = await factory.CreateUserAsync();
        var newSeller = await factory.CreateUserAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => factory.CreateUserAsync()));
        foreach (var fan in fans)
        {
            await (await fan.Client.PostAsJsonAsync("/follows/", new { handle = popularSeller.Handle })).ExpectAsync(HttpStatusCode.Created);
        }

        async Task<Guid> ListAsync(TestUser seller, string link) =>
            (await (await seller.Client.PostAsJsonAsync("/products/", new { name = "감귤 " + link, price = 1000, product_link = $"https://shop.example.com/{link}" }))
                .ReadJsonAsync(HttpStatusCode.Created)).Uuid();

        var unknown = await ListAsync(newSeller, "fresh-but-unknown");
        var popular = await ListAsync(popularSeller, "popular");
        var stale = await ListAsync(popularSeller, "stale");
        var dayOld = await ListAsync(newSeller, "day-old");
        await using (var db = factory.CreateDbContext())
        {
            await db.Products.Where(p => p.Id == stale).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, DateTimeOffset.UtcNow.AddDays(-60)));
            await db.Products.Where(p => p.Id == dayOld).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, DateTimeOffset.UtcNow.AddDays(-1)));
        }

        var page = await factory.CreateClient().GetJsonAsync("/products/recommend/");

        Assert.Equal([popular, unknown, dayOld], page.Results().Select(p => p.Uuid()));
        Assert.Null(page.NextLink());
        Assert.Single((await factory.CreateClient().GetJsonAsync("/products/recommend/?page_size=1")).Results());
    }
}
