using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// The inbox and the instance page on a desktop (1280 px) and a phone (390 px): screenshots for review in
/// artifacts/screenshots, no sideways page scroll, decisions reachable on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveLayoutTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task InboxAndInstancePage_AtViewportWidth_FitWithoutHorizontalScrollAndAreSavedAsScreenshots(int width, int height)
    {
        using var folder = new TestFolder($"browser-layout-{width}");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.ToolCall("it_refund", new { orderId = "L-1", amount = 1250 }), Reply.Text("Refunded."));
        await using var server = await BrowserServer.StartAsync(folder, model.BaseUrl);
        await server.Api.StartAsync("it.refund-agent", "Refund $1250 on order L-1: the parcel never arrived and the customer has waited three weeks");
        using var aliceApi = new ApiClient(server.BaseAddress, ServerProcess.AliceKey);
        var task = await aliceApi.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(60));
        var agentInstance = task.GetProperty("instanceId").GetString()!;

        await using var context = await browser.NewContextAsync(server.BaseAddress, width, height);
        var size = $"{width}x{height}";
        await Screenshots.OnFailureAsync($"layout-{size}", async () =>
        {
            var page = await context.NewPageAsync();
            await SignIn.WithPasswordAsync(page, "alice", BrowserServer.AlicePassword);

            await page.GotoAsync("/inbox");
            await page.GetByTestId("task-row").First.ClickAsync();
            var detail = page.GetByTestId("task-detail");
            await Expect(detail.GetByTestId("proposed-table")).ToContainTextAsync("1250");
            var approve = detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true });
            await approve.ScrollIntoViewIfNeededAsync();
            var box = await approve.BoundingBoxAsync() ?? throw new InvalidOperationException("The Approve button has no box.");
            (box.X + box.Width).Should().BeLessThanOrEqualTo(width, "the Approve button must be reachable without scrolling sideways");
            await Screenshots.SaveAsync(page, $"inbox-{size}");
            (await ScrollWidthAsync(page)).Should().BeLessThanOrEqualTo(width, "the inbox must not scroll sideways");

            await page.GotoAsync($"/instances/{Uri.EscapeDataString(agentInstance)}");
            await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Running");
            await Expect(page.GetByTestId("step-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("instance-usage")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"instance-{size}");
            (await ScrollWidthAsync(page)).Should().BeLessThanOrEqualTo(width, "the instance page must not scroll sideways");
        }, context);
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
