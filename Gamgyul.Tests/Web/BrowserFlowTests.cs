using System.Text.RegularExpressions;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// The built web client in headless Chromium (Debian's package, driven by Microsoft.Playwright) against
/// the real Api on Kestrel with real PostgreSQL and Redis: sign up, post with a Korean hashtag, see it
/// in the feed, like it, comment on it, reload (the session comes back through the refresh cookie) and
/// log out. Every step saves a screenshot; a failure names its step.
/// </summary>
public class BrowserFlowTests(ITestOutputHelper output) : BrowserTest<ApiFactory>(output)
{
    [Fact]
    public async Task Sign_up_post_with_a_korean_hashtag_see_it_in_the_feed_like_it_and_comment_on_it()
    {
        await using var context = await NewContextAsync();
        var page = Steps.Watch(await context.NewPageAsync());

        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"web_{unique}@example.test";
        var text = $"제주에서 #감귤 따왔어요 {unique}";
        var comment = $"맛있겠다 {unique}";

        await Steps.RunAsync(page, "open the start page signed out", async () =>
        {
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "로그인", Exact = true })).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "sign up", async () =>
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("이메일 주소").FillAsync(email);
            await page.GetByLabel("이름").FillAsync($"귤농부 {unique}");
            await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByLabel("비밀번호 확인").FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "회원가입", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/");
        });

        await Steps.RunAsync(page, "write a post with a Korean hashtag", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync(text);
            await Expect(page.GetByTestId("compose-tag")).ToHaveTextAsync(new[] { "#감귤" });
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            // The post page (its route chunk loads lazily, so wait for the post, not any text).
            await Expect(page.GetByTestId("post").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        });

        var inFeed = page.GetByTestId("post").Filter(new() { HasText = unique });
        await Steps.RunAsync(page, "see the post in the home feed", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "홈" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "팔로잉" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(inFeed).ToHaveCountAsync(1);
            await Expect(inFeed.GetByRole(AriaRole.Link, new() { Name = "#감귤" })).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "like the post", async () =>
        {
            await inFeed.GetByRole(AriaRole.Button, new() { Name = "좋아요", Exact = true }).ClickAsync();
            var unlike = inFeed.GetByRole(AriaRole.Button, new() { Name = "좋아요 취소" });
            // The toggle is optimistic and stays disabled until the Api answers (and rolls back on an
            // error), so wait for it to be enabled before trusting the state, or a reload may cancel the request.
            await Expect(unlike).ToBeEnabledAsync();
            await Expect(unlike).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(unlike).ToContainTextAsync("1");
        });

        await Steps.RunAsync(page, "reload: the session and the like come back from the server", async () =>
        {
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            await Expect(inFeed.GetByRole(AriaRole.Button, new() { Name = "좋아요 취소" })).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await Steps.RunAsync(page, "comment on the post", async () =>
        {
            await inFeed.GetByRole(AriaRole.Link, new() { Name = "댓글 0개" }).ClickAsync();
            await page.GetByLabel("댓글 달기").FillAsync(comment);
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("comment").Filter(new() { HasText = comment })).ToHaveCountAsync(1);
            await Expect(page.GetByText("댓글 1개")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "open the hashtag's page", async () =>
        {
            await page.GetByTestId("post").GetByRole(AriaRole.Link, new() { Name = "#감귤" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "#감귤 게시물" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("post").Filter(new() { HasText = unique })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(page, "log out, and stay logged out after a reload", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/login");
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "로그인", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "팔로잉" })).ToHaveCountAsync(0);
        });

        Steps.AssertNoPageErrors();
    }
}
