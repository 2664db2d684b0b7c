using System.Text.RegularExpressions;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// Reporting and moderation in the built web client, headless Chromium against the real Api on Kestrel with real
/// PostgreSQL and Redis, three browser contexts (author, follower, admin): the follower sees the author's post in
/// the following feed and reports it (and the author) through the dialog; the admin takes the report in review
/// from the queue (a second admin tab trying the same move gets the Api's 409 shown), resolves it hiding the post;
/// the follower no longer sees it; the user report ends in a 3-day suspension; the statistics view counts both
/// reports. Every step saves a screenshot.
/// </summary>
public class ModerationBrowserTests(ITestOutputHelper output) : BrowserTest<ApiFactory>(output)
{
    [Fact]
    public async Task A_follower_reports_a_post_an_admin_hides_it_and_the_statistics_count_it()
    {
        var author = await Factory.CreateUserAsync();
        var follower = await Factory.CreateUserAsync();
        var admin = await Factory.CreateUserAsync(null, Roles.Admin);
        await using var authorContext = await NewContextAsync();
        await using var followerContext = await NewContextAsync();
        await using var adminContext = await NewContextAsync();
        var authorPage = Steps.Watch(await authorContext.NewPageAsync());
        var followerPage = Steps.Watch(await followerContext.NewPageAsync());
        var adminPage = Steps.Watch(await adminContext.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var text = $"싸게 팔아요, 연락은 외부 링크로 {unique}";
        var reportDetail = $"외부 결제로 유도하는 글 {unique}";
        var postId = Guid.Empty;
        var reportId = Guid.Empty;

        await Steps.RunAsync(authorPage, "the author writes a post", async () =>
        {
            await LogInAsync(authorPage, author);
            await authorPage.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await authorPage.GetByLabel("내용").FillAsync(text);
            await authorPage.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(authorPage).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            postId = Guid.Parse(authorPage.Url[^36..]);
        });

        await Steps.RunAsync(followerPage, "the follower follows the author and sees the post in the following feed", async () =>
        {
            await LogInAsync(followerPage, follower);
            await followerPage.GotoAsync($"/users/{author.Handle}");
            await followerPage.GetByRole(AriaRole.Button, new() { Name = "팔로우", Exact = true }).ClickAsync();
            await Expect(followerPage.GetByRole(AriaRole.Button, new() { Name = "팔로우 취소" })).ToBeVisibleAsync();
            await followerPage.GetByRole(AriaRole.Link, new() { Name = "홈" }).ClickAsync();
            await followerPage.ReloadAsync();
            await Expect(followerPage.GetByRole(AriaRole.Tab, new() { Name = "팔로잉" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(followerPage.GetByTestId("post").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(followerPage, "the follower reports the post through the dialog", async () =>
        {
            var post = followerPage.GetByTestId("post").Filter(new() { HasText = text });
            await post.GetByRole(AriaRole.Button, new() { Name = "신고" }).ClickAsync();
            var dialog = followerPage.GetByRole(AriaRole.Dialog, new() { Name = "신고하기" });
            await dialog.GetByLabel("사기").CheckAsync();
            await dialog.GetByLabel("자세한 내용 (선택)").FillAsync(reportDetail);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "신고", Exact = true }).ClickAsync();
            await Expect(dialog.GetByText("신고가 접수되었습니다. 검토 후 조치할게요.")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "닫기" }).ClickAsync();
            await using var db = Factory.CreateDbContext();
            var report = await db.Reports.SingleAsync(r => r.ReporterId == follower.Id && r.TargetId == postId);
            Assert.Equal((ReportReason.Fraud, ReportStatus.Pending, author.Id), (report.Reason, report.Status, report.TargetUserId));
            reportId = report.Id;
        });

        await Steps.RunAsync(followerPage, "the follower reports the author from the profile", async () =>
        {
            await followerPage.GotoAsync($"/users/{author.Handle}");
            await followerPage.Locator(".profile__actions").GetByRole(AriaRole.Button, new() { Name = "신고" }).ClickAsync();
            var dialog = followerPage.GetByRole(AriaRole.Dialog, new() { Name = "신고하기" });
            await dialog.GetByLabel("스팸").CheckAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "신고", Exact = true }).ClickAsync();
            await Expect(dialog.GetByText("신고가 접수되었습니다. 검토 후 조치할게요.")).ToBeVisibleAsync();
            await using var db = Factory.CreateDbContext();
            Assert.True(await db.Reports.AnyAsync(r => r.ReporterId == follower.Id && r.TargetType == ReportTargetType.User && r.TargetId == author.Id));
        });

        await Steps.RunAsync(followerPage, "a signed-in user who is not an admin gets no admin area", async () =>
        {
            await Expect(followerPage.GetByRole(AriaRole.Link, new() { Name = "관리", Exact = true })).ToHaveCountAsync(0);
            await followerPage.GotoAsync("/admin");
            await Expect(followerPage.GetByText("관리자만 볼 수 있는 페이지예요.")).ToBeVisibleAsync();
            await Expect(followerPage.GetByTestId("report-row")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(adminPage, "the admin opens the queue and filters it to posts", async () =>
        {
            await LogInAsync(adminPage, admin);
            await adminPage.GetByRole(AriaRole.Link, new() { Name = "관리", Exact = true }).ClickAsync();
            await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "신고 목록" })).ToBeVisibleAsync();
            await Expect(adminPage.GetByTestId("report-row")).ToHaveCountAsync(2);
            await adminPage.GetByLabel("대상", new() { Exact = true }).SelectOptionAsync("post");
            await Expect(adminPage).ToHaveURLAsync(new Regex(@"/admin\?target_type=post$"));
            var rows = adminPage.GetByTestId("report-row");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync(reportDetail);
            await Expect(rows.First).ToContainTextAsync("게시물 신고 · 사기");
            await Expect(rows.First.GetByTestId("report-status")).ToHaveTextAsync("대기");
        });

        var secondTab = Steps.Watch(await adminContext.NewPageAsync());
        await Steps.RunAsync(adminPage, "the admin takes the report in review", async () =>
        {
            await adminPage.GetByTestId("report-row").First.ClickAsync();
            await Expect(adminPage).ToHaveURLAsync(new Regex($"/admin/reports/{reportId}$"));
            await Expect(adminPage.GetByText(reportDetail)).ToBeVisibleAsync();
            // A second tab opened on the same, still pending report (it will try the same move below).
            await secondTab.GotoAsync($"/admin/reports/{reportId}");
            await Expect(secondTab.GetByRole(AriaRole.Button, new() { Name = "검토 시작" })).ToBeVisibleAsync();

            await adminPage.GetByRole(AriaRole.Button, new() { Name = "검토 시작" }).ClickAsync();
            await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "신고 상세" }).GetByTestId("report-status")).ToHaveTextAsync("검토 중");
        });

        await Steps.RunAsync(secondTab, "the stale tab's move is refused with the Api's 409 problem, shown, and the state reloaded", async () =>
        {
            await secondTab.GetByRole(AriaRole.Button, new() { Name = "검토 시작" }).ClickAsync();
            var problem = secondTab.GetByTestId("review-problem");
            await Expect(problem).ToContainTextAsync("지금 상태에서는 이렇게 바꿀 수 없어요");
            await Expect(problem).ToContainTextAsync("A report cannot move from in_review to in_review.");
            await Expect(secondTab.GetByRole(AriaRole.Heading, new() { Name = "신고 상세" }).GetByTestId("report-status")).ToHaveTextAsync("검토 중");
        });
        await secondTab.CloseAsync();

        await Steps.RunAsync(adminPage, "the admin resolves it, hiding the post", async () =>
        {
            await adminPage.GetByLabel("처리 완료").CheckAsync();
            await adminPage.GetByLabel("콘텐츠 숨기기").CheckAsync();
            await adminPage.GetByLabel("관리자 메모").FillAsync("외부 결제 유도, 숨김 처리");
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "결정 저장" }).ClickAsync();
            await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "신고 상세" }).GetByTestId("report-status")).ToHaveTextAsync("처리 완료");
            await Expect(adminPage.GetByTestId("report-action")).ToHaveTextAsync("콘텐츠 숨기기");
            await Expect(adminPage.GetByText("외부 결제 유도, 숨김 처리")).ToBeVisibleAsync();
            await using var db = Factory.CreateDbContext();
            Assert.Equal(ContentStatus.Hidden, (await db.Posts.SingleAsync(p => p.Id == postId)).Status);
        });

        await Steps.RunAsync(followerPage, "the follower no longer sees the post, in the feed or on its page", async () =>
        {
            await followerPage.GotoAsync("/");
            await Expect(followerPage.GetByRole(AriaRole.Tab, new() { Name = "팔로잉" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(followerPage.GetByTestId("post").Filter(new() { HasText = text })).ToHaveCountAsync(0);
            await followerPage.GotoAsync($"/posts/{postId}");
            await Expect(followerPage.GetByText("페이지를 찾을 수 없습니다")).ToBeVisibleAsync();
            await Expect(followerPage.GetByText(text)).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(adminPage, "the admin suspends the reported author for 3 days from the user report", async () =>
        {
            await adminPage.GetByRole(AriaRole.Link, new() { Name = "신고 목록", Exact = true }).ClickAsync();
            await adminPage.GetByLabel("대상", new() { Exact = true }).SelectOptionAsync("user");
            await adminPage.GetByLabel("상태", new() { Exact = true }).SelectOptionAsync("pending");
            await Expect(adminPage).ToHaveURLAsync(new Regex(@"/admin\?target_type=user&status=pending$"));
            await Expect(adminPage.GetByTestId("report-row")).ToHaveCountAsync(1);
            await adminPage.GetByTestId("report-row").ClickAsync();
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "검토 시작" }).ClickAsync();
            await adminPage.GetByLabel("처리 완료").CheckAsync();
            // A user can be suspended but never hidden: the form does not offer it.
            await Expect(adminPage.GetByLabel("콘텐츠 숨기기")).ToHaveCountAsync(0);
            await adminPage.GetByLabel("사용자 정지").CheckAsync();
            await adminPage.GetByLabel(new Regex("^정지 기간")).FillAsync("3");
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "결정 저장" }).ClickAsync();
            await Expect(adminPage.GetByTestId("report-action")).ToHaveTextAsync("사용자 정지");
            await using var db = Factory.CreateDbContext();
            var suspension = await db.UserSuspensions.SingleAsync(s => s.UserId == author.Id);
            Assert.InRange(suspension.EndsAt - suspension.StartsAt, TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));
        });

        await Steps.RunAsync(adminPage, "the statistics view counts both reports, drawn and in numbers", async () =>
        {
            await adminPage.GetByRole(AriaRole.Link, new() { Name = "신고 통계" }).ClickAsync();
            await Expect(adminPage.GetByTestId("stats-total")).ToHaveTextAsync("신고 2건");
            await Expect(RowOf(adminPage, "stats-status", "처리 완료")).ToHaveTextAsync("2");
            await Expect(RowOf(adminPage, "stats-status", "대기")).ToHaveTextAsync("0");
            await Expect(RowOf(adminPage, "stats-type", "게시물")).ToHaveTextAsync("1");
            await Expect(RowOf(adminPage, "stats-type", "사용자")).ToHaveTextAsync("1");
            await Expect(RowOf(adminPage, "stats-reason", "사기")).ToHaveTextAsync("1");
            await Expect(RowOf(adminPage, "stats-reason", "스팸")).ToHaveTextAsync("1");
            // Today's bars: two received, two closed; the chart's label says the same in words.
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
            await Expect(adminPage.GetByTestId("bar-created")).ToHaveCountAsync(1);
            await Expect(adminPage.GetByTestId("bar-created").Locator("title")).ToHaveTextAsync($"{today}: 접수 2건");
            await Expect(adminPage.GetByTestId("bar-closed").Locator("title")).ToHaveTextAsync($"{today}: 처리 2건");
            await Expect(adminPage.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("접수 2건, 처리 2건") })).ToBeVisibleAsync();
            await adminPage.GetByText("일별 표").ClickAsync();
            var todayRow = adminPage.GetByTestId("stats-days").GetByRole(AriaRole.Row).Filter(new() { HasText = today });
            await Expect(todayRow.Locator("td")).ToHaveTextAsync(["2", "2"]);
        });

        Steps.AssertNoPageErrors();
    }

    private static ILocator RowOf(IPage page, string table, string label) =>
        page.GetByTestId(table).GetByRole(AriaRole.Row, new() { Name = label }).Locator("td.num");
}
