using System.Text.RegularExpressions;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Search.Indexing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// The built web client in headless Chromium against the real Api on Kestrel with real PostgreSQL and Redis, the
/// outbox relay and the real SearchIndexer (search), and the chat gateway over real WebSockets between two browser
/// contexts (two users). Every step saves a screenshot; a failure names its step.
/// </summary>
public class SearchAndChatBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SearchPipelineFactory _factory = new();
    private readonly BrowserSteps _steps = new(output);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IndexerFactory? _indexer;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var dist = BuiltWebClient.Locate();
        await _factory.InitializeAsync();
        _factory.WithSetting("WebClient:RootPath", dist).UseKestrel(0);
        _factory.StartServer();
        using (var client = _factory.CreateClient())
        {
            _baseUrl = client.BaseAddress!.ToString().TrimEnd('/');
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BuiltWebClient.ChromiumOptions());
        SetDefaultExpectTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_indexer is not null)
        {
            await _indexer.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Search_finds_a_post_just_written_and_links_its_tag()
    {
        _indexer = _factory.StartIndexer();
        await using var context = await NewContextAsync();
        var page = _steps.Watch(await context.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var text = $"서귀포 #한라봉 농장 체험 다녀왔어요 {unique}";
        var postId = Guid.Empty;
        var handle = string.Empty;

        // Signed up through the page, so the account reaches the index like any new account (user.created event).
        await _steps.RunAsync(page, "sign up", async () =>
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("이메일 주소").FillAsync($"search_{unique}@example.test");
            await page.GetByLabel("이름").FillAsync($"한라봉농부 {unique}");
            await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByLabel("비밀번호 확인").FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "회원가입", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            handle = (await page.GetByRole(AriaRole.Link, new() { Name = "프로필" }).GetAttributeAsync("href"))!["/users/".Length..];
        });

        await _steps.RunAsync(page, "write a post", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            postId = Guid.Parse(page.Url[^36..]);
            // The post reaches the index through the outbox, the bus and the SearchIndexer: wait for that, not a guess.
            await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(_factory, SearchDocumentKind.Post, postId), "the post is indexed");
            var userId = await UserIdAsync(handle);
            await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(_factory, SearchDocumentKind.User, userId), "the account is indexed");
        });

        var results = page.GetByTestId("post");
        await _steps.RunAsync(page, "type a query: results appear as you type", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "검색", Exact = true }).ClickAsync();
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" });
            await Expect(page.GetByText("검색어를 입력하면 바로 결과가 나와요.")).ToBeVisibleAsync();
            // Typed key by key, as a person would: only the settled query is asked for.
            await box.PressSequentiallyAsync($"한라봉 농장 {unique}", new() { Delay = 30 });
            await Expect(results.Filter(new() { HasText = unique })).ToHaveCountAsync(1);
            await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q="));
        });

        await _steps.RunAsync(page, "the author is found under people", async () =>
        {
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" });
            await page.GetByRole(AriaRole.Tab, new() { Name = "사람" }).ClickAsync();
            await box.FillAsync("@" + handle);
            await Expect(page.GetByTestId("user-row").Filter(new() { HasText = "@" + handle })).ToHaveCountAsync(1);
        });

        await _steps.RunAsync(page, "nothing found is said so", async () =>
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "상품" }).ClickAsync();
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" }).FillAsync("한라봉");
            await Expect(page.GetByText("\"한라봉\"에 대한 결과가 없어요.")).ToBeVisibleAsync();
        });

        await _steps.RunAsync(page, "a one-word query links its tag page", async () =>
        {
            await page.GetByTestId("search-tag").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "#한라봉 게시물" })).ToBeVisibleAsync();
            await Expect(results.Filter(new() { HasText = unique })).ToHaveCountAsync(1);
        });

        _steps.AssertNoPageErrors();
    }

    private async Task<Guid> UserIdAsync(string handle)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Users.Where(u => u.UserName == handle).Select(u => u.Id).SingleAsync();
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = _baseUrl, Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private async Task LogInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("이메일 주소").FillAsync(user.Email);
        await page.GetByLabel("비밀번호").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
    }
}
