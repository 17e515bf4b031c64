using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>What the pages offer by role: a viewer reads but neither decides nor audits; an administrator audits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleVisibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task Viewer_SignedInWhileAnApprovalIsPending_SeesNoApproveButtonsNoAuditLinkAndNoAccessToAudit()
    {
        using var folder = new TestFolder("browser-viewer");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.ToolCall("it_refund", new { orderId = "V-1", amount = 800 }), Reply.Text("Done."));
        await using var server = await BrowserServer.StartAsync(folder, model.BaseUrl);
        var instanceId = await server.Api.StartAsync("it.refund-agent", "Refund $800 on order V-1");
        using var aliceApi = new ApiClient(server.BaseAddress, ServerProcess.AliceKey);
        await aliceApi.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(60));

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Viewer_SignedInWhileAnApprovalIsPending_SeesNoApproveButtonsNoAuditLinkAndNoAccessToAudit), async () =>
        {
            var page = await context.NewPageAsync();
            await SignIn.WithPasswordAsync(page, "watcher", BrowserServer.ViewerPassword);
            var approve = page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true });

            var navigation = page.GetByRole(AriaRole.Navigation);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Instances", Exact = true })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Usage", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToHaveCountAsync(0);

            // The waiting instance is readable, but offers neither a decision nor operations.
            await navigation.GetByRole(AriaRole.Link, new() { Name = "Instances", Exact = true }).ClickAsync();
            await page.GetByTestId("instance-row").GetByRole(AriaRole.Link, new() { Name = instanceId, Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Running");
            await Expect(page.GetByTestId("step-row").First).ToBeVisibleAsync();
            await Expect(approve).ToHaveCountAsync(0);
            foreach (var operation in new[] { "Suspend", "Terminate", "Restart", "Raise event" })
            {
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = operation, Exact = true })).ToHaveCountAsync(0);
            }

            foreach (var forbidden in new[] { "/audit", "/inbox" })
            {
                await page.GotoAsync(forbidden);
                await Expect(page.GetByText("You do not have access")).ToBeVisibleAsync();
                await Expect(approve).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("audit-row")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("task-row")).ToHaveCountAsync(0);
            }
        }, context);
    }

    [Fact]
    public async Task Admin_SignedIn_FindsTheAuditLinkAndAnIntactChain()
    {
        using var folder = new TestFolder("browser-admin");
        await using var server = await BrowserServer.StartAsync(folder);
        var instanceId = await server.Api.StartAsync("it.nap", 1);
        await server.Api.WaitForStatusAsync(instanceId, s => s == "Completed", TimeSpan.FromSeconds(30));

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Admin_SignedIn_FindsTheAuditLinkAndAnIntactChain), async () =>
        {
            var page = await context.NewPageAsync();
            await SignIn.WithPasswordAsync(page, "admin", BrowserServer.AdminPassword);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("Chain intact");
            await Expect(page.GetByTestId("audit-row").Filter(new() { HasText = instanceId }).First).ToBeVisibleAsync();
            await Expect(page.GetByText("You do not have access")).ToHaveCountAsync(0);
        }, context);
    }
}
