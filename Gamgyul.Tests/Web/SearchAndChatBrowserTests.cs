using System.Text.RegularExpressions;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Chat;
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
public class SearchAndChatBrowserTests(ITestOutputHelper output) : BrowserTest<SearchPipelineFactory>(output)
{
    private IndexerFactory? _indexer;

    public override async Task DisposeAsync()
    {
        if (_indexer is not null)
        {
            await _indexer.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Search_finds_a_post_just_written_and_links_its_tag()
    {
        _indexer = Factory.StartIndexer();
        await using var context = await NewContextAsync();
        var page = Steps.Watch(await context.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var text = $"서귀포 #한라봉 농장 체험 다녀왔어요 {unique}";
        var postId = Guid.Empty;
        var handle = string.Empty;

        // Signed up through the page, so the account reaches the index like any new account (user.created event).
        await Steps.RunAsync(page, "sign up", async () =>
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

        await Steps.RunAsync(page, "write a post", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            postId = Guid.Parse(page.Url[^36..]);
            // The post reaches the index through the outbox, the bus and the SearchIndexer: wait for that, not a guess.
            await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(Factory, SearchDocumentKind.Post, postId), "the post is indexed");
            var userId = await UserIdAsync(handle);
            await Eventually.HoldsAsync(() => IndexProbe.IsIndexedAsync(Factory, SearchDocumentKind.User, userId), "the account is indexed");
        });

        var results = page.GetByTestId("post");
        await Steps.RunAsync(page, "type a query: results appear as you type", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "검색", Exact = true }).ClickAsync();
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" });
            await Expect(page.GetByText("검색어를 입력하면 바로 결과가 나와요.")).ToBeVisibleAsync();
            // Typed key by key, as a person would: only the settled query is asked for.
            await box.PressSequentiallyAsync($"한라봉 농장 {unique}", new() { Delay = 30 });
            await Expect(results.Filter(new() { HasText = unique })).ToHaveCountAsync(1);
            await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q="));
        });

        await Steps.RunAsync(page, "the author is found under people", async () =>
        {
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" });
            await page.GetByRole(AriaRole.Tab, new() { Name = "사람" }).ClickAsync();
            await box.FillAsync("@" + handle);
            await Expect(page.GetByTestId("user-row").Filter(new() { HasText = "@" + handle })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(page, "nothing found is said so", async () =>
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "상품" }).ClickAsync();
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "검색어" }).FillAsync("한라봉");
            await Expect(page.GetByText("\"한라봉\"에 대한 결과가 없어요.")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "a one-word query links its tag page", async () =>
        {
            await page.GetByTestId("search-tag").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "#한라봉 게시물" })).ToBeVisibleAsync();
            await Expect(results.Filter(new() { HasText = unique })).ToHaveCountAsync(1);
        });

        Steps.AssertNoPageErrors();
    }

    [Fact]
    public async Task Two_people_chat_live_in_two_browsers_and_the_history_survives_a_reload()
    {
        // The ChatWorker stores what the bus carries; the live path (gateway, bus, broadcast) does not need it.
        using var worker = await ChatWorkerProcess.StartAsync(Factory.DatabaseConnectionString, Factory.RedisConnectionString,
            new Dictionary<string, string> { ["Bus__Redis__KeyPrefix"] = Factory.BusKeyPrefix });
        var mina = await Factory.CreateUserAsync();
        var junho = await Factory.CreateUserAsync();
        await using var minaContext = await NewContextAsync();
        await using var junhoContext = await NewContextAsync();
        var minaPage = Steps.Watch(await minaContext.NewPageAsync());
        var junhoPage = Steps.Watch(await junhoContext.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var hello = $"안녕하세요, 귤 아직 있나요? {unique}";
        var reply = $"네, 한 상자 남았어요 {unique}";

        await Steps.RunAsync(minaPage, "first user logs in and opens a chat from the other's profile", async () =>
        {
            await LogInAsync(minaPage, mina);
            await minaPage.GotoAsync($"/users/{junho.Handle}");
            await minaPage.GetByRole(AriaRole.Button, new() { Name = "메시지 보내기" }).ClickAsync();
            await Expect(minaPage).ToHaveURLAsync(new Regex("/messages/[0-9a-f-]{36}$"));
            await Expect(minaPage.GetByRole(AriaRole.Heading, new() { Name = junho.Handle })).ToBeVisibleAsync();
            await Expect(minaPage.GetByText("첫 메시지를 보내 보세요.")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(junhoPage, "second user logs in and opens the room from the chat list", async () =>
        {
            await LogInAsync(junhoPage, junho);
            await junhoPage.GetByRole(AriaRole.Link, new() { Name = "채팅", Exact = true }).ClickAsync();
            await junhoPage.GetByTestId("chat-room").Filter(new() { HasText = mina.Handle }).ClickAsync();
            await Expect(junhoPage.GetByRole(AriaRole.Heading, new() { Name = mina.Handle })).ToBeVisibleAsync();
            await Expect(junhoPage.GetByTestId("chat-connection")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(junhoPage, "a message sent in one browser appears live in the other", async () =>
        {
            await Expect(minaPage.GetByTestId("chat-connection")).ToHaveCountAsync(0);
            await minaPage.GetByLabel("메시지", new() { Exact = true }).FillAsync(hello);
            await minaPage.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
            await Expect(junhoPage.GetByTestId("chat-message").Filter(new() { HasText = hello })).ToHaveCountAsync(1);
            // The sender sees it once (the optimistic copy became the acknowledged message, no duplicate).
            await Expect(minaPage.GetByTestId("chat-message").Filter(new() { HasText = hello })).ToHaveCountAsync(1);
            await Expect(minaPage.GetByText("보내는 중…")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(minaPage, "the reply comes back live, and the first message shows as read", async () =>
        {
            await junhoPage.GetByLabel("메시지", new() { Exact = true }).FillAsync(reply);
            await junhoPage.GetByLabel("메시지", new() { Exact = true }).PressAsync("Enter");
            await Expect(minaPage.GetByTestId("chat-message").Filter(new() { HasText = reply })).ToHaveCountAsync(1);
            await Expect(minaPage.GetByTestId("chat-message").Filter(new() { HasText = hello }).GetByTestId("chat-read")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(junhoPage, "after a reload the conversation comes from history, in order", async () =>
        {
            // The ChatWorker stores messages shortly after they were sent; the page asks history once on load.
            await Eventually.HoldsAsync(async () =>
            {
                await using var db = Factory.CreateDbContext();
                return await db.ChatMessages.CountAsync(m => m.Text.Contains(unique)) == 2;
            }, "both messages are stored");
            await junhoPage.ReloadAsync();
            var messages = junhoPage.GetByTestId("chat-message");
            await Expect(messages.Filter(new() { HasText = unique })).ToHaveCountAsync(2);
            Assert.Contains(hello, await messages.Filter(new() { HasText = unique }).First.InnerTextAsync());
        });

        await Steps.RunAsync(minaPage, "the chat list shows the last message", async () =>
        {
            await minaPage.GetByRole(AriaRole.Link, new() { Name = "채팅 목록" }).ClickAsync();
            await Expect(minaPage.GetByTestId("chat-room").Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        });

        Steps.AssertNoPageErrors();
    }

    private async Task<Guid> UserIdAsync(string handle)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Users.Where(u => u.UserName == handle).Select(u => u.Id).SingleAsync();
    }
}
