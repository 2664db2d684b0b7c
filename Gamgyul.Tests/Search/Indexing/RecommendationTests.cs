using System.Net;
using System.Net.Http.Json;
using Gamgyul.Api.Search;
using Gamgyul.Data.Entities;
using Gamgyul.Search.Vectors;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary>Personal product recommendations and the "for you" post list, over content indexed through the pipeline.</summary>
public sealed class RecommendationTests(RecommendationTests.Fixture fixture) : IClassFixture<RecommendationTests.Fixture>
{
    private SearchPipelineFactory Factory => fixture.Factory;

    [Fact]
    public async Task Products_follow_the_callers_interests_exclude_their_own_and_mix_sellers()
    {
        var page = await fixture.Fan.Client.GetJsonAsync("/products/recommend/?page_size=6");
        var ids = page.Results().Select(r => r.Uuid()).ToList();

        Assert.DoesNotContain(fixture.FanOwnProduct, ids);
        var tangerine = fixture.BigSellerProducts.Concat(fixture.SmallSellerProducts).ToHashSet();
        Assert.All(ids.Take(4), id => Assert.Contains(id, tangerine));
        // Four of the big seller's tangerine products are as close as the small seller's two, yet the top four mix both.
        Assert.Contains(ids.Take(4), fixture.SmallSellerProducts.Contains);
        Assert.True(ids.Take(4).Count(fixture.BigSellerProducts.Contains) <= 2, "one seller does not fill the top");
        Assert.True(ids.IndexOf(fixture.KimchiProducts[0]) is -1 or >= 4, "unrelated products come after related ones");
    }

    [Fact]
    public async Task Anonymous_and_new_users_get_the_non_personal_list()
    {
        var anonymous = await Factory.CreateClient().GetJsonAsync("/products/recommend/?page_size=50");
        var newcomer = await Factory.CreateUserAsync();
        var fresh = await newcomer.Client.GetJsonAsync("/products/recommend/?page_size=50");

        Assert.Equal(anonymous.Results().Select(r => r.Uuid()), fresh.Results().Select(r => r.Uuid()));
        Assert.Contains(fixture.FanOwnProduct, anonymous.Results().Select(r => r.Uuid()));
    }

    [Fact]
    public async Task A_viewed_product_steers_a_new_users_recommendations()
    {
        var viewer = await Factory.CreateUserAsync();
        await viewer.Client.GetJsonAsync($"/products/{fixture.KimchiProducts[0]}/");

        var page = await viewer.Client.GetJsonAsync("/products/recommend/?page_size=3");

        Assert.Equal(fixture.KimchiProducts[0], page.Results()[0].Uuid());
        Assert.Equal(fixture.KimchiProducts[1], page.Results()[1].Uuid());
    }

    [Fact]
    public async Task Posts_for_you_follow_interests_and_leave_out_own_and_liked_posts()
    {
        // Five posts: minus the fan's own and the liked one, three are left for two pages.
        var page = await fixture.Fan.Client.GetJsonAsync("/posts/p/?page_size=2");
        var ids = page.Results().Select(r => r.Uuid()).ToList();

        Assert.DoesNotContain(fixture.FanPost, ids);
        Assert.DoesNotContain(fixture.LikedPost, ids);
        Assert.Equal(fixture.TangerinePost, ids[0]);
        Assert.NotNull(page.NextLink());
        var second = await fixture.Fan.Client.GetJsonAsync(page.NextLink()!);
        var rest = second.Results().Select(r => r.Uuid()).ToList();
        Assert.Single(rest);
        Assert.DoesNotContain(rest[0], ids);
        Assert.DoesNotContain(fixture.FanPost, rest);
        Assert.DoesNotContain(fixture.LikedPost, rest);

        var anonymous = await Factory.CreateClient().GetJsonAsync("/posts/p/?page_size=3");
        var latest = await Factory.CreateClient().GetJsonAsync("/posts/latest/?page_size=3");
        Assert.Equal(latest.Results().Select(r => r.Uuid()), anonymous.Results().Select(r => r.Uuid()));
    }

    [Fact]
    public void Diversify_interleaves_authors_round_by_round()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var hits = Enumerable.Range(0, 5).Select(i => Hit(a, i)).Append(Hit(b, 9)).ToList();

        var order = Recommender.Diversify(hits, maxPerAuthor: 2);

        Assert.Equal([hits[0].Key.Id, hits[1].Key.Id, hits[5].Key.Id, hits[2].Key.Id, hits[3].Key.Id, hits[4].Key.Id], order);
    }

    private static VectorHit Hit(Guid author, int rank) =>
        new(new VectorKey(SearchDocumentKind.Product, Guid.NewGuid()), 1f - rank / 10f, author, DateTimeOffset.UtcNow);

    public sealed class Fixture : IAsyncLifetime
    {
        private IndexerFactory? _indexer;

        public SearchPipelineFactory Factory { get; } = new();
        public TestUser Fan { get; private set; } = null!;
        public Guid FanOwnProduct { get; private set; }
        public Guid FanPost { get; private set; }
        public Guid LikedPost { get; private set; }
        public Guid TangerinePost { get; private set; }
        public List<Guid> BigSellerProducts { get; } = [];
        public List<Guid> SmallSellerProducts { get; } = [];
        public List<Guid> KimchiProducts { get; } = [];

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Factory).InitializeAsync();
            _indexer = Factory.StartIndexer();
            var big = await Factory.CreateUserAsync();
            var small = await Factory.CreateUserAsync();
            var kimchi = await Factory.CreateUserAsync();
            Fan = await Factory.CreateUserAsync();

            foreach (var name in new[] { "제주 감귤 5kg 산지직송", "제주 감귤 10kg 가정용", "서귀포 감귤 선물세트", "노지 감귤 3kg" })
            {
                BigSellerProducts.Add(await ProductAsync(big, name, "새콤달콤 제주 감귤"));
            }

            SmallSellerProducts.Add(await ProductAsync(small, "제주 감귤 2kg 소포장", "제주 감귤 농장 직송"));
            SmallSellerProducts.Add(await ProductAsync(small, "유기농 제주 감귤 5kg", "새콤달콤 제주 감귤"));
            KimchiProducts.Add(await ProductAsync(kimchi, "전라도 포기김치 5kg", "묵은지 김치찌개용 포기김치"));
            KimchiProducts.Add(await ProductAsync(kimchi, "총각김치 2kg", "아삭한 총각김치 김치찌개"));
            FanOwnProduct = await ProductAsync(Fan, "제주 감귤 주스", "제주 감귤 100% 착즙");

            TangerinePost = (await big.CreatePostAsync("제주 감귤 수확 현장, 올해 감귤 정말 달아요")).Uuid();
            await kimchi.CreatePostAsync("김장 김치 담그는 날");
            await kimchi.CreatePostAsync("김치찌개 맛있게 끓이는 법");
            LikedPost = (await small.CreatePostAsync("제주 감귤 농장 일기")).Uuid();
            FanPost = (await Fan.CreatePostAsync("제주 감귤 너무 좋아요")).Uuid();
            await (await Fan.Client.PostAsJsonAsync("/likes/post-likes/", new { post_uuid = LikedPost })).ExpectAsync(HttpStatusCode.Created);

            await Eventually.HoldsAsync(async () => await IndexProbe.LiveCountAsync(Factory, SearchDocumentKind.Product) == 9,
                "the products are indexed");
            await Eventually.HoldsAsync(async () => await IndexProbe.LiveCountAsync(Factory, SearchDocumentKind.Post) == 5,
                "the posts are indexed");
        }

        public async Task DisposeAsync()
        {
            if (_indexer is not null)
            {
                await _indexer.DisposeAsync();
            }

            await Factory.DisposeAsync();
        }

        private static async Task<Guid> ProductAsync(TestUser seller, string name, string description) =>
            (await (await seller.Client.PostAsJsonAsync("/products/", new
            {
                name,
                price = 20000,
                product_link = $"https://store.example/{Guid.NewGuid():N}",
                description,
            })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
    }
}
