using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gamgyul.Api.Accounts;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Social;

public class ProductTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> CreateAsync(TestUser seller, object body) =>
        await (await seller.Client.PostAsJsonAsync("/products/", body)).ReadJsonAsync(HttpStatusCode.Created);

    private static object Tangerines(string link = "https://smartstore.example.com/p/1", decimal price = 15000m) =>
        new { name = "제주 감귤 5kg", description = "새콤달콤", price, product_link = link, product_image_link = "https://img.example.com/p.jpg" };

    [Fact]
    public async Task Create_keeps_the_exact_price_currency_and_owner()
    {
        var seller = await factory.CreateUserAsync();

        var krw = await CreateAsync(seller, Tangerines());
        var usd = await (await seller.Client.PostAsync("/products/", new StringContent(
            """{"name": "Gift box", "price": 999999999999.99, "currency": "USD", "product_link": "https://shop.example.com/gift", "images": ["https://img.example.com/1.png", "https://img.example.com/2.png"]}""",
            Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();

        Assert.Equal("15000", krw.GetProperty("price").GetRawText());
        Assert.Equal("KRW", krw.GetProperty("currency").GetString());
        Assert.Equal(seller.Handle, krw.GetProperty("user").GetProperty("handle").GetString());
        Assert.Equal("https://img.example.com/p.jpg", krw.GetProperty("product_image_link").GetString());
        Assert.Equal("https://smartstore.example.com/p/1", krw.GetProperty("product_link").GetString());
        Assert.Contains("\"price\":999999999999.99", usd);
        var gift = JsonDocument.Parse(usd).RootElement;
        Assert.Equal(["https://img.example.com/1.png", "https://img.example.com/2.png"], gift.GetProperty("images").Strings());
        await using var db = factory.CreateDbContext();
        Assert.Equal(999999999999.99m, (await db.Products.SingleAsync(p => p.Id == gift.Uuid())).Price);
        Assert.True(await db.Outbox.AnyAsync(m => m.Type == "product.created" && m.Key == krw.Uuid().ToString()));
    }

    [Theory]
    [InlineData("""{"name": "x", "price": 1, "product_link": "https://shop.example.com/a"}""", "name")]
    [InlineData("""{"price": 1, "product_link": "https://shop.example.com/a"}""", "name")]
    [InlineData("""{"name": "ok name", "price": -1, "product_link": "https://shop.example.com/a"}""", "price")]
    [InlineData("""{"name": "ok name", "product_link": "https://shop.example.com/a"}""", "price")]
    [InlineData("""{"name": "ok name", "price": 1000.5, "product_link": "https://shop.example.com/a"}""", "price")]
    [InlineData("""{"name": "ok name", "price": 10.555, "currency": "USD", "product_link": "https://shop.example.com/a"}""", "price")]
    [InlineData("""{"name": "ok name", "price": 1, "currency": "XYZ", "product_link": "https://shop.example.com/a"}""", "currency")]
    [InlineData("""{"name": "ok name", "price": 1}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "javascript:alert(1)"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "ftp://shop.example.com/a"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "http://localhost:8080/admin"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "http://10.1.2.3/a"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "http://169.254.169.254/latest/meta-data"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "http://[::1]/a"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "http://intranet/a"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "https://user:pw@shop.example.com/a"}""", "product_link")]
    [InlineData("""{"name": "ok name", "price": 1, "product_link": "https://shop.example.com/a", "product_image_link": "data:image/png;base64,AAAA"}""", "product_image_link")]
    public async Task Create_refuses_bad_input_with_field_errors(string body, string field)
    {
        var seller = await factory.CreateUserAsync();

        var response = await seller.Client.PostAsync("/products/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await response.ValidationErrorFieldsAsync());
    }

    [Fact]
    public async Task Names_up_to_100_characters_are_accepted_and_anonymous_cannot_create()
    {
        var seller = await factory.CreateUserAsync();

        var product = await CreateAsync(seller, new { name = new string('귤', 100), price = 0, product_link = "https://shop.example.com/long" });

        Assert.Equal(100, product.GetProperty("name").GetString()!.Length);
        Assert.Contains("name", await (await seller.Client.PostAsJsonAsync("/products/", new { name = new string('귤', 101), price = 0, product_link = "https://shop.example.com/l2" })).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/products/", Tangerines())).StatusCode);
    }

    [Fact]
    public async Task A_seller_lists_a_store_link_once()
    {
        var seller = await factory.CreateUserAsync();
        var reseller = await factory.CreateUserAsync();
        await CreateAsync(seller, Tangerines("https://shop.example.com/same"));
        var other = await CreateAsync(seller, Tangerines("https://shop.example.com/other"));

        Assert.Equal(HttpStatusCode.Conflict, (await seller.Client.PostAsJsonAsync("/products/", Tangerines("https://shop.example.com/same"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await seller.Client.PatchAsJsonAsync($"/products/{other.Uuid()}/", new { product_link = "https://shop.example.com/same" })).StatusCode);
        await CreateAsync(reseller, Tangerines("https://shop.example.com/same"));
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_change_or_delete_a_product()
    {
        var seller = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(null, Roles.Admin);
        var product = await CreateAsync(seller, Tangerines("https://shop.example.com/owned"));
        var url = $"/products/{product.Uuid()}/";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PatchAsJsonAsync(url, new { price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PatchAsJsonAsync(url, new { price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PutAsJsonAsync(url, Tangerines("https://shop.example.com/x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.DeleteAsync(url)).StatusCode);

        var patched = await (await seller.Client.PatchAsJsonAsync(url, new { price = 12.5, currency = "USD" })).ReadJsonAsync();
        Assert.Equal("12.50", patched.GetProperty("price").GetRawText());
        Assert.Equal("제주 감귤 5kg", patched.GetProperty("name").GetString());
        Assert.Contains("price", await (await seller.Client.PatchAsJsonAsync(url, new { currency = "KRW" })).ValidationErrorFieldsAsync());

        var replaced = await (await admin.Client.PutAsJsonAsync(url, new { name = "검수됨", price = 9900, product_link = "https://shop.example.com/owned" })).ReadJsonAsync();
        Assert.Equal("9900", replaced.GetProperty("price").GetRawText());
        Assert.Equal("KRW", replaced.GetProperty("currency").GetString());
        Assert.Empty(replaced.GetProperty("images").EnumerateArray());
        Assert.Equal(seller.Handle, replaced.GetProperty("user").GetProperty("handle").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.Client.PatchAsJsonAsync(url, new { price = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.Client.GetAsync("/products/not-a-uuid/")).StatusCode);

        await using var db = factory.CreateDbContext();
        var actions = await db.AuditLog.Where(e => e.TargetId == product.Uuid()).Select(e => e.Action).ToListAsync();
        Assert.Equal(["product.deleted", "product.updated"], actions.Order());
        var events = await db.Outbox.Where(m => m.Key == product.Uuid().ToString()).Select(m => m.Type).ToListAsync();
        Assert.Equal(["product.created", "product.deleted", "product.updated", "product.updated"], events.Order());
    }

    [Fact]
    public async Task Owner_can_delete_and_detail_is_public()
    {
        var seller = await factory.CreateUserAsync();
        var product = await CreateAsync(seller, Tangerines("https://shop.example.com/mine"));

        var detail = await factory.CreateClient().GetJsonAsync($"/products/{product.Uuid()}/");

        Assert.Equal(seller.Handle, detail.GetProperty("user").GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await seller.Client.DeleteAsync($"/products/{product.Uuid()}/")).StatusCode);
    }

    [Fact]
    public async Task List_pages_newest_first_and_filters_by_handle_text_and_price()
    {
        // A word no other test's product has, since the class shares one database.
        var word = "감귤" + Guid.NewGuid().ToString("N")[..6];
        var farmer = await factory.CreateUserAsync();
        var baker = await factory.CreateUserAsync();
        var cheap = await CreateAsync(farmer, new { name = "못난이 " + word, price = 5000, product_link = "https://shop.example.com/ugly" });
        var premium = await CreateAsync(farmer, new { name = "한라봉 선물세트", description = "프리미엄 " + word, price = 45000, product_link = "https://shop.example.com/hallabong" });
        var bread = await CreateAsync(baker, new { name = word + " 식빵", price = 7000, product_link = "https://shop.example.com/bread" });
        var anonymous = factory.CreateClient();

        var all = await FeedTests.ReadAllAsync(anonymous, "/products/?page_size=1");
        Assert.Equal([bread.Uuid(), premium.Uuid(), cheap.Uuid()], all.Where(id => id == bread.Uuid() || id == premium.Uuid() || id == cheap.Uuid()));
        Assert.Equal([premium.Uuid(), cheap.Uuid()], await FeedTests.ReadAllAsync(anonymous, $"/products/?handle={farmer.Handle}"));
        Assert.Equal([bread.Uuid(), premium.Uuid(), cheap.Uuid()], await FeedTests.ReadAllAsync(anonymous, $"/products/?q={word}&handle=&min_price=0"));
        Assert.Equal([bread.Uuid(), cheap.Uuid()], (await FeedTests.ReadAllAsync(anonymous, $"/products/?q={word}&max_price=7000")));
        Assert.Equal([bread.Uuid()], await FeedTests.ReadAllAsync(anonymous, $"/products/?q={Uri.EscapeDataString(word.ToUpperInvariant())}&min_price=6000&max_price=8000"));
        Assert.Equal([premium.Uuid(), cheap.Uuid()], await FeedTests.ReadAllAsync(anonymous, $"/products/latest/{farmer.Handle}/"));

        Assert.Contains("min_price", await (await anonymous.GetAsync("/products/?min_price=10&max_price=1")).ValidationErrorFieldsAsync());
        Assert.Contains("min_price", await (await anonymous.GetAsync("/products/?min_price=-1")).ValidationErrorFieldsAsync());
        Assert.Contains("currency", await (await anonymous.GetAsync("/products/?currency=ABC")).ValidationErrorFieldsAsync());
        Assert.Contains("cursor", await (await anonymous.GetAsync("/products/?cursor=bad")).ValidationErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/products/?handle=nobody_here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/products/latest/nobody_here/")).StatusCode);
    }
}
