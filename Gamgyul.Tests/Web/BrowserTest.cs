using Gamgyul.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// What every browser test stands on: the real Api on Kestrel serving the built web client, with file-system media
/// storage in a directory of its own, and headless Chromium from Debian's package. Contexts are phone-sized and
/// Korean, as most of our users are.
/// </summary>
public abstract class BrowserTest<TFactory>(ITestOutputHelper output) : IAsyncLifetime
    where TFactory : ApiFactory, new()
{
    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), $"gamgyul-web-media-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected TFactory Factory { get; } = new();

    protected BrowserSteps Steps { get; } = new(output);

    /// <summary>The Api's address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    protected string BaseUrl { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        var dist = BuiltWebClient.Locate();
        await Factory.InitializeAsync();
        Factory.WithSetting("WebClient:RootPath", dist)
            .WithSetting("Storage:Provider", "filesystem")
            .WithSetting("Storage:FileSystem:Root", _storageRoot)
            .UseKestrel(0);
        Factory.StartServer();
        using (var client = Factory.CreateClient())
        {
            BaseUrl = client.BaseAddress!.ToString().TrimEnd('/');
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BuiltWebClient.ChromiumOptions());
        SetDefaultExpectTimeout(30_000);
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        if (Directory.Exists(_storageRoot))
        {
            Directory.Delete(_storageRoot, recursive: true);
        }
    }

    /// <summary>A fresh browser profile (its own cookies and storage): one person.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    protected static async Task LogInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("이메일 주소").FillAsync(user.Email);
        await page.GetByLabel("비밀번호").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
    }
}
