using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// Named steps of a browser flow: each saves a screenshot when it ends, and a failing one saves a screenshot too
/// and throws an error that names the step, the page's address, uncaught page errors and the screenshot.
/// </summary>
public sealed class BrowserSteps
{
    private readonly ITestOutputHelper _output;
    private int _step;

    public BrowserSteps(ITestOutputHelper output)
    {
        _output = output;
        Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "web", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Screenshots);
        output.WriteLine($"screenshots: {Screenshots}");
    }

    public string Screenshots { get; }

    /// <summary>Uncaught errors of every page watched with <see cref="Watch"/>.</summary>
    public List<string> PageErrors { get; } = [];

    public IPage Watch(IPage page)
    {
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    public async Task RunAsync(IPage page, string name, Func<Task> action)
    {
        var file = Path.Combine(Screenshots, $"{++_step:00}-{Regex.Replace(name, "[^a-zA-Z0-9]+", "-").Trim('-')}");
        try
        {
            await action();
            await page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true });
            _output.WriteLine($"step {_step} ok: {name}");
        }
        catch (Exception error)
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = file + "-FAILED.png", FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the step's own error is what matters.
            }

            var errors = PageErrors.Count > 0 ? $" Page errors: {string.Join(" | ", PageErrors)}." : string.Empty;
            throw new InvalidOperationException(
                $"Browser step {_step} \"{name}\" failed at {page.Url}: {error.Message}.{errors} Screenshot: {file}-FAILED.png", error);
        }
    }

    public void AssertNoPageErrors() =>
        Xunit.Assert.True(PageErrors.Count == 0, "uncaught errors in the page: " + string.Join(" | ", PageErrors));
}
