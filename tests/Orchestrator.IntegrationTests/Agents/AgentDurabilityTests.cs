using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Agents;

/// <summary>Agents on a real server process, its model a scripted OpenAI-compatible server, killed with SIGKILL mid-run.</summary>
public sealed class AgentDurabilityTests
{
    [Fact]
    public async Task KillNine_AfterToolCallBeforeNextTurn_ResumesWithoutResendingCompletedTurns()
    {
        var uninterrupted = await RunRefundAsync(kill: false);
        var crashed = await RunRefundAsync(kill: true);

        crashed.Output.Should().Be(uninterrupted.Output).And.Be("Refunded $40 on A-1.");
        crashed.FirstTurnRequests.Should().Be(1, "the completed first model turn is not sent again after the restart");
        uninterrupted.FirstTurnRequests.Should().Be(1);
        crashed.Ledger.Effects.Should().Be(1);
        crashed.Ledger.Deliveries.Should().Be(1, "the tool call completed before the crash and is not repeated");
    }

    [Fact]
    public async Task Approval_SurvivesRestart_WrongUserForbidden_RaceHasOneWinner_EditsReachTheTool()
    {
        using var folder = new TestFolder("agent-approval");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("it_refund", new { orderId = "A-2", amount = 900 }), ScriptedReply.Reply("Refunded what was approved."));
        var options = new ServerOptions(ModelEndpoint: model.BaseUrl) { Extra = new Dictionary<string, string> { ["ItTests__Approvers"] = "role:approver" } };
        string instanceId;
        string taskId;
        await using (var first = await ServerProcess.StartAsync(folder, options))
        {
            instanceId = await first.Api.StartAsync("it.refund-agent", "Refund $900 on A-2");
            taskId = await WaitForTaskAsync(first, ServerProcess.AliceKey);
            first.Kill();
        }

        await using var second = await ServerProcess.StartAsync(folder, options);
        (await WaitForTaskAsync(second, ServerProcess.AliceKey)).Should().Be(taskId, "the pending task survives the restart");
        using var developer = Client(second, ServerProcess.DeveloperKey);
        (await developer.PostAsJsonAsync($"/api/approvals/{taskId}/decision", new { decision = "approve" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var alice = Client(second, ServerProcess.AliceKey);
        using var carol = Client(second, ServerProcess.CarolKey);
        var edits = new { decision = "approve", comment = "half now", edits = new { amount = 450 } };
        var race = await Task.WhenAll(
            alice.PostAsJsonAsync($"/api/approvals/{taskId}/decision", edits),
            carol.PostAsJsonAsync($"/api/approvals/{taskId}/decision", edits));
        race.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);

        await second.Api.WaitForStatusAsync(instanceId, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(30));
        var ledger = Ledger.Read(folder.File("ledger.db"));
        ledger.Effects.Should().Be(1);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("ledger.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT label FROM effects";
        ((string)command.ExecuteScalar()!).Should().Contain("A-2 450").And.Contain("by refunder for admin");
    }

    private static async Task<RefundRun> RunRefundAsync(bool kill)
    {
        using var folder = new TestFolder(kill ? "agent-kill" : "agent-clean");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("it_refund", new { orderId = "A-1", amount = 40 }));
        model.Enqueue(kill ? ScriptedReply.Reply("Refunded $40 on A-1.").After(TimeSpan.FromSeconds(20)) : ScriptedReply.Reply("Refunded $40 on A-1."));
        model.Enqueue(ScriptedReply.Reply("Refunded $40 on A-1."));
        var options = new ServerOptions(ModelEndpoint: model.BaseUrl);
        var server = await ServerProcess.StartAsync(folder, options);
        try
        {
            var id = await server.Api.StartAsync("it.refund-agent", "Refund $40 on order A-1");
            if (kill)
            {
                // The second model request means the tool call finished and was committed: kill before turn 2 answers.
                await model.WaitForRequestsAsync(2, TimeSpan.FromSeconds(30));
                server.Kill();
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(folder, options);
            }

            var done = await server.Api.WaitForStatusAsync(id, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
            done.GetProperty("status").GetString().Should().Be("Completed", done.ToString());
            var result = done.GetProperty("output");
            return new RefundRun(
                result.GetProperty("output").GetString(),
                model.Requests.Count(r => r.MessageCount == 2),
                Ledger.Read(folder.File("ledger.db")));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static HttpClient Client(ServerProcess server, string key)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private static async Task<string> WaitForTaskAsync(ServerProcess server, string key)
    {
        using var http = Client(server, key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var page = await http.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending");
            var items = page.GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("taskId").GetString()!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No pending approval appeared.");
    }

    private sealed record RefundRun(string? Output, int FirstTurnRequests, LedgerSummary Ledger);
}
