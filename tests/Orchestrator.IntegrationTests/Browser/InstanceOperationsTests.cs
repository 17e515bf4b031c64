using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>An operator on the instance pages of a real server: finding a failed instance, reading why, restarting it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InstanceOperationsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Restart_FailedInstanceOnItsPage_ShowsTheStepErrorThenCompletesLive()
    {
        using var folder = new TestFolder("browser-restart");
        var gate = folder.File("booking-open");
        await using var server = await BrowserServer.StartAsync(folder, extra: new Dictionary<string, string> { ["ItTests__BookingGatePath"] = gate });
        var instanceId = await server.Api.StartAsync("it.booking", "B-1", "booking-b1");
        (await server.Api.WaitForStatusAsync(instanceId, s => s is "Failed" or "Completed", TimeSpan.FromSeconds(30)))
            .GetProperty("status").GetString().Should().Be("Failed");

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Restart_FailedInstanceOnItsPage_ShowsTheStepErrorThenCompletesLive), async () =>
        {
            var page = await context.NewPageAsync();
            await SignIn.WithApiKeyAsync(page, ServerProcess.DeveloperKey, "dev");

            await page.GetByRole(AriaRole.Link, new() { Name = "Instances", Exact = true }).ClickAsync();
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Failed");
            var row = page.GetByTestId("instance-row").Filter(new() { HasText = instanceId });
            await Expect(row).ToHaveCountAsync(1);
            await row.GetByRole(AriaRole.Link, new() { Name = instanceId, Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = instanceId })).ToBeVisibleAsync();
            var status = page.GetByTestId("instance-status");
            await Expect(status).ToHaveTextAsync("Failed");
            await page.GetByTestId("step-row").Filter(new() { HasText = "it.book-order" }).ClickAsync();
            await Expect(page.GetByTestId("step-error")).ToContainTextAsync("The booking system is closed; order B-1 was not booked.");

            File.WriteAllText(gate, "open");
            await SamePage.MarkAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Restart", Exact = true }).ClickAsync();

            // The instance settles on a 3-second timer after booking: the page follows it through Running to Completed.
            await Expect(status).ToHaveTextAsync("Running");
            await Expect(status).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restart", Exact = true })).ToHaveCountAsync(0);
            (await SamePage.IsStillMarkedAsync(page)).Should().BeTrue("the page must follow the restarted instance without a reload");
        }, context);

        var done = await server.Api.GetAsync(instanceId);
        done.GetProperty("status").GetString().Should().Be("Completed");
        done.GetProperty("output").GetString().Should().StartWith("booked B-1");
        Ledger.Read(folder.File("ledger.db")).Deliveries.Should().Be(1, "the reservation completed before the failure and is kept, not repeated, by the restart");
    }
}
