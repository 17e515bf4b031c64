using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// Screenshots kept as test artifacts in <c>artifacts/screenshots/</c> at the repository root: the pages people
/// review, and the page as it was when a browser test failed.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(BuiltArtifacts.RepositoryRoot, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Runs <paramref name="test"/>; when it throws, saves every open page as <c>failed-&lt;name&gt;-N.png</c> and rethrows.</summary>
    public static async Task OnFailureAsync(string name, Func<Task> test, params IBrowserContext[] contexts)
    {
        try
        {
            await test();
        }
        catch (Exception failure)
        {
            var pages = contexts.SelectMany(c => c.Pages).ToList();
            try
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    await SaveAsync(pages[i], $"failed-{name}-{i + 1}");
                }
            }
            catch (PlaywrightException screenshotFailure)
            {
                throw new AggregateException(failure, screenshotFailure);
            }

            throw;
        }
    }
}
