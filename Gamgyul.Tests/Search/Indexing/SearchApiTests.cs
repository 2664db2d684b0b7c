using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;

namespace Gamgyul.Tests.Search.Indexing;

/// <summary><c>GET /search/</c> and <c>GET /posts/p/?search=</c> over content indexed through the real pipeline.</summary>
public sealed class SearchApiTests(SearchApiTests.Fixture fixture) : IClassFixture<SearchApiTests.Fixture>
{
    private SearchPipelineFactory Factory => fixture.Factory;

    [Fact]
    public async Task Posts_are_found_in_relevance_order_whatever_the_spacing_or_a_missing_syllable()
    {
        Assert.Equal(fixture.Picking, await FirstAsync("/search/?q=제주감귤 따기&type=posts"));
        Assert.Equal(fixture.Picking, await FirstAsync("/search/?q=감귤따기 체험"));
        Assert.Equal(fixture.Hallabong, await FirstAsync("/search/?q=서귀 한라봉 농장"));
        Assert.Equal(fixture.Hallabong, await FirstAsync("/search/?q=서귀포한라봉"));
        var lunch = await Factory.CreateClient().GetJsonAsync("/search/?q=김치찌개");
        Assert.Equal(fixture.Lunch, lunch.Results()[0].Uuid());
        Assert.DoesNotContain(fixture.Picking, lunch.Results().Select(r => r.Uuid()));
    }

    [Fact]
    public async Task An_exact_tag_match_ranks_first()
    {
        Assert.Equal(fixture.Tagged, await FirstAsync("/search/?q=귤스타그램"));
        Assert.Equal(fixture.Tagged, await FirstAsync("/search/?q=%23귤스타그램"));
    }

    [Fact]
    public async Task Posts_search_parameter_uses_the_same_ranking_and_tags_still_filter()
    {
        Assert.Equal(fixture.Picking, await FirstAsync("/posts/p/?search=제주감귤따기"));
        var filtered = await Factory.CreateClient().GetJsonAsync("/posts/p/?search=감귤&tags=귤스타그램");
        Assert.Equal([fixture.Tagged], filtered.Results().Select(r => r.Uuid()));
        Assert.Contains("search", await (await Factory.CreateClient().GetAsync($"/posts/p/?search={new string('귤', 101)}")).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Products_and_users_are_searchable_and_handles_tolerate_typos()
    {
        Assert.Equal(fixture.Product, await FirstAsync("/search/?q=황금향 선물&type=products"));
        var users = await Factory.CreateClient().GetJsonAsync($"/search/?q={fixture.SellerHandle[..^1]}x&type=users");
        Assert.Equal(fixture.SellerHandle, users.Results()[0].GetProperty("handle").GetString());
        var exact = await Factory.CreateClient().GetJsonAsync($"/search/?q=@{fixture.SellerHandle}&type=users");
        Assert.Equal(fixture.SellerHandle, exact.Results()[0].GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Hidden_and_deleted_content_never_shows_even_before_the_indexer_catches_up()
    {
        var author = await Factory.CreateUserAsync();
        var id = (await author.CreatePostAsync("우도 땅콩 아이스크림 먹었어요")).Uuid();
        await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(Factory, SearchDocumentKind.Post, id), "the post is indexed");
        Assert.Equal(id, await FirstAsync("/search/?q=우도 땅콩 아이스크림"));

        await (await author.Client.DeleteAsync($"/posts/p/{id}/")).ExpectAsync(HttpStatusCode.NoContent);
        var right = await Factory.CreateClient().GetJsonAsync("/search/?q=우도 땅콩 아이스크림");
        Assert.DoesNotContain(id, right.Results().Select(r => r.Uuid()));
        await Eventually.HoldsAsync(() => IndexProbe.IsGoneAsync(Factory, SearchDocumentKind.Post, id), "the index drops it");
    }

    [Fact]
    public async Task Results_are_paged_with_cursors_without_repeats()
    {
        var client = Factory.CreateClient();
        var seen = new List<Guid>();
        var url = "/search/?q=감귤&page_size=2";
        var first = await client.GetJsonAsync(url);
        string? next = url;
        var pages = 0;
        while (next is not null && pages++ < 20)
        {
            var page = await client.GetJsonAsync(next);
            seen.AddRange(page.Results().Select(r => r.Uuid()));
            next = page.NextLink();
        }

        Assert.True(seen.Count >= 3, $"expected several 감귤 posts, got {seen.Count}");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(first.Results().Select(r => r.Uuid()), seen.Take(2));
        var second = await client.GetJsonAsync(first.NextLink()!);
        Assert.Equal(first.Results().Select(r => r.Uuid()), (await client.GetJsonAsync(second.PreviousLink()!)).Results().Select(r => r.Uuid()));
    }

    [Theory]
    [InlineData("/search/?q=감귤&type=comments", "type")]
    [InlineData("/search/?q=", "q")]
    [InlineData("/search/?q=%20%20", "q")]
    [InlineData("/search/?q=감귤&cursor=not-a-cursor", "cursor")]
    public async Task Bad_input_is_a_400_naming_the_field(string url, string field)
    {
        Assert.Contains(field, await (await Factory.CreateClient().GetAsync(url)).ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task A_too_long_query_is_a_400()
    {
        Assert.Contains("q", await (await Factory.CreateClient().GetAsync($"/search/?q={new string('귤', 101)}")).ValidationErrorFieldsAsync());
    }

    private async Task<Guid> FirstAsync(string url)
    {
        var page = await Factory.CreateClient().GetJsonAsync(url);
        var results = page.Results();
        Assert.True(results.Length > 0, $"{url} found nothing");
        return results[0].Uuid();
    }

    /// <summary>A few posts, a product and a seller, indexed through the pipeline before the tests run.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private IndexerFactory? _indexer;

        public SearchPipelineFactory Factory { get; } = new();
        public Guid Picking { get; private set; }
        public Guid Hallabong { get; private set; }
        public Guid Lunch { get; private set; }
        public Guid Tagged { get; private set; }
        public Guid Product { get; private set; }
        public string SellerHandle { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Factory).InitializeAsync();
            _indexer = Factory.StartIndexer();
            SellerHandle = "tangerine_farmer_kim";
            var seller = await Factory.CreateUserAsync(SellerHandle);
            Picking = (await seller.CreatePostAsync("제주 감귤 따기 체험 다녀왔어요. 아이들이 좋아했어요")).Uuid();
            Hallabong = (await seller.CreatePostAsync("서귀포 한라봉 농장 방문기")).Uuid();
            Lunch = (await seller.CreatePostAsync("오늘 점심은 김치찌개")).Uuid();
            Tagged = (await seller.CreatePostAsync("새로 딴 귤 사진 #귤스타그램")).Uuid();
            await seller.CreatePostAsync("감귤 가격이 올랐네요");
            await seller.CreatePostAsync("감귤 잼 만들기");
            Product = (await (await seller.Client.PostAsJsonAsync("/products/", new
            {
                name = "제주 황금향 3kg",
                price = 29000,
                product_link = "https://store.example/hwanggeum",
                description = "새콤달콤한 황금향 선물세트",
            })).ReadJsonAsync(HttpStatusCode.Created)).Uuid();
            await Eventually.HoldsAsync(async () => await IndexProbe.LiveCountAsync(Factory, SearchDocumentKind.Post) == 6,
                "the fixture's posts are indexed");
            await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(Factory, SearchDocumentKind.Product, Product), "the product is indexed");
        }

        public async Task DisposeAsync()
        {
            if (_indexer is not null)
            {
                await _indexer.DisposeAsync();
            }

            await Factory.DisposeAsync();
        }
    }
}
