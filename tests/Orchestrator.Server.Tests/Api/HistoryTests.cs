using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class HistoryTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task History_RetriedActivityWaitAndLostTimer_TellEachFailedAttemptTheWaitAndTheTimerThatNeverFired()
    {
        var id = await _developer.StartAsync(Workflows.RetryThenWaitWorkflow.Name, "order");
        await WaitForStepAsync(id, s => s.GetProperty("kind").GetString() == "wait");

        using (var go = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "\"paid\""))
        {
            go.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        (await _developer.WaitForStatusAsync(id, "Completed")).GetProperty("output").GetString().Should().Be("order done, paid");
        using var response = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances/{id}/history");
        var steps = (await response.ReadJsonAsync()).GetProperty("steps").EnumerateArray().ToList();

        steps.Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("status").GetString())).Should().Equal(
            ("workflow", "Completed"), ("activity", "Completed"), ("wait", "Received"), ("timer", "Cancelled"), ("event", "Received"));
        var activity = steps[1];
        activity.GetProperty("attempt").GetInt32().Should().Be(3);
        var attempts = activity.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("attempt").GetInt32()).Should().Equal(1, 2);
        attempts.Select(a => a.GetProperty("error").GetProperty("message").GetString()).Should().Equal("attempt 1 timed out", "attempt 2 timed out");
        attempts.Should().AllSatisfy(a =>
        {
            a.GetProperty("error").GetProperty("type").GetString().Should().Be(typeof(TimeoutException).FullName);
            a.GetProperty("failedAt").GetDateTime().Should().BeOnOrAfter(activity.GetProperty("startedAt").GetDateTime());
        });
        var wait = steps[2];
        wait.GetProperty("name").GetString().Should().Be("go");
        wait.GetProperty("title").GetString().Should().Be("Waiting for event go");
        (wait.GetProperty("deadline").GetDateTime() - wait.GetProperty("startedAt").GetDateTime()).Should().BeCloseTo(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        wait.GetProperty("output").GetString().Should().Be("paid");
        steps[3].GetProperty("completedAt").ValueKind.Should().Be(JsonValueKind.String);
        steps[0].TryGetProperty("attempts", out _).Should().BeFalse();
    }

    [Fact]
    public async Task History_EventsAndOperationsByUsers_NameWhoDidThemApartFromWhomTheInstanceActsFor()
    {
        var id = await _developer.StartAsync("samples.wait-for-event", null);
        var admin = server.Client(TestUsers.Admin);
        using (var suspend = await admin.PostJsonAsync($"/api/instances/{id}/suspend", "{}"))
        {
            suspend.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await _developer.WaitForStatusAsync(id, "Suspended");
        using (var resume = await _developer.PostJsonAsync($"/api/instances/{id}/resume", "{}"))
        {
            resume.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        using (var go = await admin.PostJsonAsync($"/api/instances/{id}/events/go", "\"now\""))
        {
            go.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await _developer.WaitForStatusAsync(id, "Completed");
        using var response = await _developer.GetAsync($"/api/instances/{id}/history");
        var steps = (await response.ReadJsonAsync()).GetProperty("steps").EnumerateArray().ToList();

        string? By(string kind, string name) => steps.Single(s => s.GetProperty("kind").GetString() == kind && s.GetProperty("name").GetString() == name)
            .GetProperty("by").GetString();
        By("operation", "suspend").Should().Be(TestUsers.Admin);
        By("operation", "resume").Should().Be(TestUsers.Developer);
        By("event", "go").Should().Be(TestUsers.Admin);
        steps.Single(s => s.GetProperty("kind").GetString() == "event").GetProperty("principal").GetString().Should().Be(TestUsers.Developer, "the instance acts for who started it");
        steps.Single(s => s.GetProperty("kind").GetString() == "workflow").TryGetProperty("by", out _).Should().BeFalse();
    }

    private async Task WaitForStepAsync(string id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _developer.GetAsync($"/api/instances/{id}/history");
            if ((await response.ReadJsonAsync()).GetProperty("steps").EnumerateArray().Any(condition))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The step did not appear in the history of {id}.");
    }

    [Fact]
    public async Task History_CompletedSequence_IsOneWorkflowStepAndOneStepPerActivity()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 3 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances/{id}/history");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var history = await response.ReadJsonAsync();
        history.GetProperty("instanceId").GetString().Should().Be(id);
        history.TryGetProperty("events", out _).Should().BeFalse();
        var steps = history.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("sequence").GetInt32()).Should().Equal(1, 2, 3, 4);

        var workflow = steps[0];
        workflow.GetProperty("kind").GetString().Should().Be("workflow");
        workflow.GetProperty("name").GetString().Should().Be("samples.sequence");
        workflow.GetProperty("status").GetString().Should().Be("Completed");
        workflow.GetProperty("input").GetProperty("steps").GetInt32().Should().Be(3);
        workflow.GetProperty("output").GetProperty("completed").GetInt32().Should().Be(3);

        var activities = steps.Skip(1).ToList();
        activities.Should().AllSatisfy(step =>
        {
            step.GetProperty("kind").GetString().Should().Be("activity");
            step.GetProperty("name").GetString().Should().Be("samples.noop");
            step.GetProperty("status").GetString().Should().Be("Completed");
            step.GetProperty("attempt").GetInt32().Should().Be(1);
            step.GetProperty("principal").GetString().Should().Be(TestUsers.Developer);
            step.GetProperty("agent").ValueKind.Should().Be(JsonValueKind.Null);
            step.GetProperty("onBehalfOf").GetString().Should().Be(TestUsers.Developer);
            step.TryGetProperty("usage", out _).Should().BeFalse("a step without a model call reports no usage");
            step.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
            step.GetProperty("completedAt").GetDateTime().Should().BeOnOrAfter(step.GetProperty("startedAt").GetDateTime());
        });
        activities.Select(s => s.GetProperty("input").GetInt32()).Should().Equal(0, 1, 2);
        activities.Select(s => s.GetProperty("output").GetInt32()).Should().Equal(0, 1, 2);
    }

    [Fact]
    public async Task History_WithEvents_AlsoReturnsTheRawEvents()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 1 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await _developer.GetAsync($"/api/instances/{id}/history?events=true");

        var kinds = (await response.ReadJsonAsync()).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.Should().Contain(["executionStarted", "taskScheduled", "taskCompleted", "executionCompleted"]);
    }
}
