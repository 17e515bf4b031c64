using Microsoft.Playwright;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// One headless Chromium for all browser tests: Debian's <c>/usr/bin/chromium</c>, never a downloaded build. Every
/// test opens its own context (its own cookies), so signed-in users do not leak from one test into the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser (.ci/run installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Generous: a 2-core machine runs the server, the browser and the test at once.
    private const float ExpectTimeoutMs = 20_000;
    private const float ActionTimeoutMs = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests run Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        }

        // The driver must never try to fetch its own browsers: the build machine has no network.
        System.Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (cookies, storage) whose relative URLs go to <paramref name="baseAddress"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
