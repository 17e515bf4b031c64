using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>A person reading an instance's timeline: failed attempts under their step, waits by what they wait for, lost timers ended.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InstanceTimelineTests(BrowserFixture browser)
{
    [Fact]
    public async Task Timeline_RetriedStepWaitAndLostDeadline_ShowsEachAttemptsErrorTheWaitAndACancelledTimer()
    {
        using var folder = new TestFolder("browser-timeline");
        await using var server = await BrowserServer.StartAsync(folder);
        var instanceId = await server.Api.StartAsync("it.retry-and-wait", "bolts", "timeline-1");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await server.Api.HistoryAsync(instanceId)).GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("kind").GetString() == "wait"))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the instance should reach its wait");
            await Task.Delay(100);
        }

        await server.Api.RaiseAsync(instanceId, "go", "accepted");
        await server.Api.WaitForStatusAsync(instanceId, s => s == "Completed", TimeSpan.FromSeconds(30));

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Timeline_RetriedStepWaitAndLostDeadline_ShowsEachAttemptsErrorTheWaitAndACancelledTimer), async () =>
        {
            var page = await context.NewPageAsync();
            await SignIn.WithApiKeyAsync(page, ServerProcess.DeveloperKey, "dev");
            await page.GotoAsync($"/instances/{Uri.EscapeDataString(instanceId)}");
            await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Completed");

            var rows = page.GetByTestId("step-row");
            var wait = rows.Filter(new() { HasText = "Waiting for event go" });
            await Expect(wait).ToHaveCountAsync(1);
            await Expect(wait).ToContainTextAsync("Received");
            await Expect(rows.Filter(new() { HasText = "Timer until" })).ToContainTextAsync("Cancelled");

            var step = rows.Filter(new() { HasText = "it.flaky-step" });
            await Expect(step).ToContainTextAsync("attempt 3");
            await step.ClickAsync();
            var attempts = page.GetByTestId("step-attempt");
            await Expect(attempts).ToHaveCountAsync(2);
            await Expect(attempts.Nth(0)).ToContainTextAsync("Attempt 1 failed");
            await Expect(attempts.Nth(0)).ToContainTextAsync("The supplier did not answer within 5 s.");
            await Expect(attempts.Nth(1)).ToContainTextAsync("Attempt 2 failed");
            await Expect(attempts.Nth(1)).ToContainTextAsync("503 Service Unavailable");
        }, context);
    }
}
