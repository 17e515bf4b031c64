using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>An analyst opens the refund-flow sample in the designer at 1280×900, as a new user's first look at it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DesignerSampleTests(BrowserFixture browser)
{
    private const string ProposedScript = "({ customer: getInput(\"customer\"), amount: getInput(\"amount\") })";

    [Fact]
    public async Task RefundSample_OpenedAt1280x900_ShowsNodeTextAtAReadableZoomStartingFromStart()
    {
        using var folder = new TestFolder("browser-designer-zoom");
        await using var server = await BrowserServer.StartAsync(folder);
        await using var context = await browser.NewContextAsync(server.BaseAddress, 1280, 900);
        await Screenshots.OnFailureAsync(nameof(RefundSample_OpenedAt1280x900_ShowsNodeTextAtAReadableZoomStartingFromStart), async () =>
        {
            var ann = await OpenRefundSampleAsync(context);
            var canvas = await ann.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("No canvas.");

            (await ZoomAsync(ann)).Should().BeGreaterThanOrEqualTo(0.6, "node text must stay readable");
            var start = await NodeOf(ann, "start").GetByTestId("node-title").BoundingBoxAsync();
            start.Should().NotBeNull();
            start!.X.Should().BeGreaterThanOrEqualTo(canvas.X).And.BeLessThan(canvas.X + canvas.Width, "the flow is shown from its start");
            start.Y.Should().BeGreaterThanOrEqualTo(canvas.Y).And.BeLessThan(canvas.Y + canvas.Height);
            start.Height.Should().BeGreaterThanOrEqualTo(8, "a title's line is at least 8 px high on screen");
            await Screenshots.SaveAsync(ann, "designer-refund-sample-1280");

            // Zoom to fit keeps the same floor; the rest of the flow is a scroll away.
            await ann.GetByTestId("zoom-fit").ClickAsync();
            await ann.WaitForTimeoutAsync(500);
            (await ZoomAsync(ann)).Should().BeGreaterThanOrEqualTo(0.6);
            await ann.Mouse.MoveAsync(canvas.X + (canvas.Width / 2), canvas.Y + (canvas.Height / 2));
            await ann.Mouse.WheelAsync(1500, 0);
            await Expect(NodeOf(ann, "end")).ToBeInViewportAsync();
        }, context);
    }

    [Fact]
    public async Task SetOutputNode_Selected_HasAPaletteEntryANodeLookAndAPanel()
    {
        using var folder = new TestFolder("browser-designer-setoutput");
        await using var server = await BrowserServer.StartAsync(folder);
        await using var context = await browser.NewContextAsync(server.BaseAddress, 1280, 900);
        await Screenshots.OnFailureAsync(nameof(SetOutputNode_Selected_HasAPaletteEntryANodeLookAndAPanel), async () =>
        {
            var ann = await OpenRefundSampleAsync(context);
            await Expect(ann.GetByTestId("palette-Elsa.SetOutput")).ToBeVisibleAsync();
            var node = NodeOf(ann, "output-refunded");
            await Expect(node).ToContainTextAsync("Set output");
            await Expect(node.Locator(".flow-node-icon")).Not.ToHaveTextAsync("?");

            await node.ScrollIntoViewIfNeededAsync();
            await node.GetByTestId("node-title").ClickAsync();
            var panel = ann.GetByTestId("property-panel");
            await Expect(panel).ToHaveAttributeAsync("data-node-id", "output-refunded");
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Set output" })).ToBeVisibleAsync();
            await Expect(panel.GetByTestId("input-outputName")).ToHaveValueAsync("refunded");
            await Expect(panel.GetByTestId("input-outputValue")).ToHaveValueAsync("true");
            await Screenshots.SaveAsync(ann, "designer-set-output-panel");
        }, context);
    }

    [Fact]
    public async Task ApprovalProposedAction_JavaScriptEditedSavedAndReloaded_StaysJavaScriptWithTheEdit()
    {
        using var folder = new TestFolder("browser-designer-proposed");
        await using var server = await BrowserServer.StartAsync(folder);
        await using var context = await browser.NewContextAsync(server.BaseAddress, 1280, 900);
        var edited = ProposedScript.Replace(" })", ", reason: getInput(\"reason\") })", StringComparison.Ordinal);
        await Screenshots.OnFailureAsync(nameof(ApprovalProposedAction_JavaScriptEditedSavedAndReloaded_StaysJavaScriptWithTheEdit), async () =>
        {
            var ann = await OpenRefundSampleAsync(context);
            var panel = await SelectAsync(ann, "approve");
            await Expect(panel.GetByTestId("expr-proposed")).ToHaveValueAsync("JavaScript");
            await Expect(panel.GetByTestId("input-proposed")).ToHaveValueAsync(ProposedScript);
            await Expect(panel.Locator(".field-error")).ToHaveCountAsync(0);

            await panel.GetByTestId("input-proposed").FillAsync(edited);
            await ann.GetByTestId("save").ClickAsync();
            await Expect(ann.GetByTestId("save-state")).ToHaveTextAsync("Draft saved · v1 published");

            await ann.ReloadAsync();
            await Expect(ann.GetByTestId("save-state")).ToHaveTextAsync("Draft saved · v1 published");
            await Expect(NodeOf(ann, "approve")).ToBeVisibleAsync();
            panel = await SelectAsync(ann, "approve");
            await Expect(panel.GetByTestId("expr-proposed")).ToHaveValueAsync("JavaScript");
            await Expect(panel.GetByTestId("input-proposed")).ToHaveValueAsync(edited);
            await Screenshots.SaveAsync(ann, "designer-approval-proposed-javascript");
        }, context);

        using var analyst = new ApiClient(server.BaseAddress, BrowserServer.AnalystKey);
        var draft = await analyst.GetJsonAsync("/api/definitions/refund-flow");
        var approve = draft.GetProperty("definition").GetProperty("root").GetProperty("activities").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == "approve");
        approve.GetProperty("proposed").GetProperty("expression").GetProperty("type").GetString().Should().Be("JavaScript");
        approve.GetProperty("proposed").GetProperty("expression").GetProperty("value").GetString().Should().Be(edited);
    }

    private static ILocator NodeOf(IPage page, string id) => page.Locator($"[data-testid='flow-node'][data-node-id='{id}']");

    private static async Task<IPage> OpenRefundSampleAsync(IBrowserContext context)
    {
        var ann = await context.NewPageAsync();
        await SignIn.WithPasswordAsync(ann, BrowserServer.AnalystUser, BrowserServer.AnalystPassword);
        await ann.GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
        await ann.GetByTestId("flow-row").Filter(new() { HasText = "refund-flow" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(ann.GetByTestId("designer")).ToBeVisibleAsync();
        await Expect(ann.GetByTestId("flow-node")).Not.ToHaveCountAsync(0);
        await ann.WaitForTimeoutAsync(300);
        return ann;
    }

    private static async Task<ILocator> SelectAsync(IPage page, string id)
    {
        var node = NodeOf(page, id);
        await node.GetByTestId("node-title").ClickAsync();
        var panel = page.GetByTestId("property-panel");
        await Expect(panel).ToHaveAttributeAsync("data-node-id", id);
        return panel;
    }

    /// <summary>The scale of React Flow's viewport transform, <c>translate(x, y) scale(z)</c>.</summary>
    private static async Task<double> ZoomAsync(IPage page)
    {
        var transform = await page.Locator(".react-flow__viewport").GetAttributeAsync("style") ?? string.Empty;
        var match = ScalePattern().Match(transform);
        match.Success.Should().BeTrue($"the viewport has a scale in '{transform}'");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"scale\(([0-9.]+)\)")]
    private static partial Regex ScalePattern();
}
