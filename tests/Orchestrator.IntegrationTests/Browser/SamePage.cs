using Microsoft.Playwright;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// Proves a page changed live: a mark set on the page's window survives only while the document is not reloaded or
/// navigated away from.
/// </summary>
internal static class SamePage
{
    private const string Mark = "__orchestratorTestMark";

    public static Task MarkAsync(IPage page) => page.EvaluateAsync($"() => {{ window.{Mark} = true; }}");

    public static Task<bool> IsStillMarkedAsync(IPage page) => page.EvaluateAsync<bool>($"() => window.{Mark} === true");
}
