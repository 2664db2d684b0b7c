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
public class ComposerPhotoBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private readonly BrowserSteps _steps = new(output);
    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), $"gamgyul-web-media-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var dist = BuiltWebClient.Locate();
        await ((IAsyncLifetime)_factory).InitializeAsync();
        _factory.WithSetting("WebClient:RootPath", dist)
            .WithSetting("Storage:Provider", "filesystem")
            .WithSetting("Storage:FileSystem:Root", _storageRoot)
            .UseKestrel(0);
        _factory.StartServer();
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
        await _factory.DisposeAsync();
        if (Directory.Exists(_storageRoot))
        {
            Directory.Delete(_storageRoot, recursive: true);
        }
    }

    [Fact]
    public async Task A_photo_uploads_with_progress_survives_a_failed_attempt_by_retry_and_shows_on_the_post()
    {
        var author = await _factory.CreateUserAsync();
        using var client = _factory.CreateClient();
        await using var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = client.BaseAddress!.ToString().TrimEnd('/'), Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 },
        });
        context.SetDefaultTimeout(30_000);
        var page = _steps.Watch(await context.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var item = page.GetByTestId("upload-item");

        await _steps.RunAsync(page, "log in and open the composer", async () =>
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("이메일 주소").FillAsync(author.Email);
            await page.GetByLabel("비밀번호").FillAsync(author.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync($"오늘 딴 #감귤 사진 {unique}");
        });

        await _steps.RunAsync(page, "the first upload is cut off and offers a retry", async () =>
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

        await _steps.RunAsync(page, "retry: uploaded, processed, ready", async () =>
        {
            await page.UnrouteAllAsync();
            await item.GetByRole(AriaRole.Button, new() { Name = "다시 시도" }).ClickAsync();
            await Expect(item).ToHaveAttributeAsync("data-phase", "ready");
            await Expect(item.GetByText("준비됨")).ToBeVisibleAsync();
        });

        await _steps.RunAsync(page, "post it: the photo is on the post", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            var image = page.GetByTestId("post").Filter(new() { HasText = unique }).Locator(".post__images img");
            await Expect(image).ToHaveCountAsync(1);
            // Loaded for real (the display URL redirects to a signed variant the Api serves).
            await Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the post's image did not load");
        });

        _steps.AssertNoPageErrors();
    }
}
