using System.Net;
using System.Net.Http.Headers;
using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Web;

/// <summary>An Api whose web client is a small stand-in build in a temporary folder.</summary>
public sealed class WebClientApiFactory : ApiFactory
{
    public const string IndexMarker = "<!-- gamgyul test client -->";
    private readonly string _root = Directory.CreateTempSubdirectory("gamgyul-web-").FullName;

    public WebClientApiFactory()
    {
        File.WriteAllText(Path.Combine(_root, "index.html"), $"<!doctype html><html><body>{IndexMarker}<div id=\"root\"></div></body></html>");
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "assets", "app-abc123.js"), "console.log('app');");
        WithSetting("WebClient:RootPath", _root);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>The Api serves the built client at / with a fallback for deep links, and leaves every Api route alone.</summary>
public class WebClientServingTests(WebClientApiFactory factory) : IClassFixture<WebClientApiFactory>
{
    private static HttpRequestMessage Navigate(string path, string accept = "text/html,application/xhtml+xml,*/*;q=0.8")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/posts/abc")]
    [InlineData("/posts/3f1c2a9e-0000-4000-8000-000000000001")]
    [InlineData("/users/kim.tangerine")]
    [InlineData("/market")]
    [InlineData("/tags/%EA%B0%90%EA%B7%A4")]
    public async Task A_page_load_of_a_client_route_gets_index_html(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(Navigate(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(WebClientApiFactory.IndexMarker, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated so a deploy's new asset names are seen");
    }

    [Fact]
    public async Task The_start_page_is_served_whatever_the_client_accepts()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebClientApiFactory.IndexMarker, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/posts/abc", "application/json")]
    [InlineData("/no-such-thing", "application/json")]
    [InlineData("/api/nope", "text/html")]
    [InlineData("/health/extra", "text/html")]
    public async Task An_unknown_api_path_is_still_a_problem_details_404(string path, string accept)
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(Navigate(path, accept));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(WebClientApiFactory.IndexMarker, await response.Content.ReadAsStringAsync());
        if (accept == "application/json")
        {
            // (A client that accepts only HTML gets the same 404 as plain text: problem details negotiate.)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Hashed_assets_are_served_with_a_long_cache_and_a_missing_one_is_a_404()
    {
        using var client = factory.CreateClient();
        using var asset = await client.GetAsync("/assets/app-abc123.js");
        using var missing = await client.SendAsync(Navigate("/assets/app-gone.js"));

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("console.log('app');", await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_routes_answer_as_before_even_to_a_page_load()
    {
        using var client = factory.CreateClient();

        using var feed = await client.SendAsync(Navigate("/posts/latest/"));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/json", feed.Content.Headers.ContentType?.MediaType);

        using var schema = await client.SendAsync(Navigate("/api/schema"));
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Contains("\"openapi\"", await schema.Content.ReadAsStringAsync());

        using var alive = await client.SendAsync(Navigate("/alive"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.DoesNotContain(WebClientApiFactory.IndexMarker, await alive.Content.ReadAsStringAsync());

        // A POST-only route loaded as a page keeps its 405: the fallback never takes a matched route.
        using var login = await client.SendAsync(Navigate("/accounts/login/"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, login.StatusCode);

        // Only GET and HEAD fall back: a POST to an unknown path stays a 404.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/posts/abc") { Content = new StringContent("{}") };
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }
}

/// <summary>Without a built client (no index.html where configured) the Api starts and serves only the Api.</summary>
public class WebClientAbsentTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private readonly string _empty = Directory.CreateTempSubdirectory("gamgyul-noweb-").FullName;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        _factory.WithSetting("WebClient:RootPath", _empty);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_empty, recursive: true);
    }

    [Fact]
    public async Task The_api_starts_and_the_start_page_is_a_problem_details_404()
    {
        using var client = _factory.CreateClient();

        using var alive = await client.GetAsync("/alive");
        using var start = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal("application/problem+json", start.Content.Headers.ContentType?.MediaType);
    }
}
