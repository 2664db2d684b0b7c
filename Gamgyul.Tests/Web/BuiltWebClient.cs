using Microsoft.Playwright;

namespace Gamgyul.Tests.Web;

/// <summary>The web client's build output and the browser that drives it in tests.</summary>
public static class BuiltWebClient
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Gamgyul.Web/dist of this checkout. Missing is a failure, never a skip: scripts/test.sh builds it
    /// first, and a browser test that silently did not run would hide a broken client.
    /// </summary>
    public static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gamgyul.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Gamgyul.sln) above " + AppContext.BaseDirectory);
        }

        var dist = Path.Combine(directory.FullName, "Gamgyul.Web", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException(
                $"The web client is not built ({dist}/index.html is missing). Run `cd Gamgyul.Web && npm ci && npm run build` " +
                "(scripts/test.sh does this) before the browser tests.");
        }

        return dist;
    }

    /// <summary>Debian's Chromium: Playwright's own browser download cannot work without internet.</summary>
    public static BrowserTypeLaunchOptions ChromiumOptions()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/prereqs.sh (apt-get install chromium).");
        }

        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        };
    }
}
