using System.Text.RegularExpressions;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Media;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// A post with a photo from the built web client in headless Chromium: the browser presigns, sends the signed form to
/// the Api's file-system storage with progress, completes, waits for the real image pipeline, and posts the media
/// id. The first upload is cut off by the test (the storage request is aborted), so the retry path runs too.
/// </summary>
public class ComposerPhotoBrowserTests(ITestOutputHelper output) : BrowserTest<ApiFactory>(output)
{
    [Fact]
    public async Task A_photo_uploads_with_progress_survives_a_failed_attempt_by_retry_and_shows_on_the_post()
    {
        var author = await Factory.CreateUserAsync();
        await using var context = await NewContextAsync();
        var page = Steps.Watch(await context.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var item = page.GetByTestId("upload-item");

        await Steps.RunAsync(page, "log in and open the composer", async () =>
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("이메일 주소").FillAsync(author.Email);
            await page.GetByLabel("비밀번호").FillAsync(author.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync($"오늘 딴 #감귤 사진 {unique}");
        });

        await Steps.RunAsync(page, "the first upload is cut off and offers a retry", async () =>
        {
            // Only the bytes' request fails; presign goes through, as when a phone loses its network mid-upload.
            await page.RouteAsync("**/media/upload**", route => route.AbortAsync());
            await page.GetByTestId("image-input").SetInputFilesAsync(new FilePayload
            {
                Name = "gyul.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(800, 600),
            });
            await Expect(item).ToHaveAttributeAsync("data-phase", "failed");
            await Expect(item.GetByText("올리지 못했어요.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true })).ToBeDisabledAsync();
        });

        await Steps.RunAsync(page, "retry: uploaded, processed, ready", async () =>
        {
            await page.UnrouteAllAsync();
            await item.GetByRole(AriaRole.Button, new() { Name = "다시 시도" }).ClickAsync();
            await Expect(item).ToHaveAttributeAsync("data-phase", "ready");
            await Expect(item.GetByText("준비됨")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "post it: the photo is on the post", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            var image = page.GetByTestId("post").Filter(new() { HasText = unique }).Locator(".post__images img");
            await Expect(image).ToHaveCountAsync(1);
            // Loaded for real (the display URL redirects to a signed variant the Api serves).
            await Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the post's image did not load");
        });

        Steps.AssertNoPageErrors();
    }
}
