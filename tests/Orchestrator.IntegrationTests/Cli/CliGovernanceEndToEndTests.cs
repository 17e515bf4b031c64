using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Cli;

/// <summary>The real orch program deciding approvals, reading usage and the audit trail on a real server.</summary>
public sealed class CliGovernanceEndToEndTests
{
    [Fact]
    public async Task Orch_ApproveWithEdits_CompletesTheWaitingWorkflowWithTheEditedValue_SecondDecisionExitsFour()
    {
        using var folder = new TestFolder("cli-approvals");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("it_refund", new { orderId = "A-3", amount = 900 }), ScriptedReply.Reply("Refunded what was approved."));
        var options = new ServerOptions(ModelEndpoint: model.BaseUrl)
        {
            Extra = new Dictionary<string, string>
            {
                ["ItTests__Approvers"] = "role:approver",
                ["Orchestrator__Models__default__Prices__InputPerMillion"] = "2",
                ["Orchestrator__Models__default__Prices__OutputPerMillion"] = "8",
            },
        };
        await using var server = await ServerProcess.StartAsync(folder, options);

        var started = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "it.refund-agent", "--id", "cli-refund", "--input", "\"Refund $900 on A-3\"");
        started.ExitCode.Should().Be(0, started.Stderr);

        // The agent asks before refunding more than $500; the task shows up for an approver.
        var task = await WaitForPendingApprovalAsync(server, ServerProcess.AliceKey);
        var taskId = task.GetProperty("taskId").GetString()!;
        var waitingInstance = task.GetProperty("instanceId").GetString()!;
        waitingInstance.Should().StartWith("cli-refund");
        task.GetProperty("proposed").GetProperty("amount").GetDecimal().Should().Be(900);

        var table = await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approvals");
        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Split('\n').Should().ContainSingle(line => line.Contains(taskId) && line.Contains(waitingInstance) && line.Contains("refunder"));

        var shown = await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approvals", taskId);
        shown.ExitCode.Should().Be(0, shown.Stderr);
        shown.Stdout.Should().Contain("Proposed action").And.Contain("role:approver").And.Contain("Steps that led to it");
        shown.Stdout.Split('\n').Should().Contain(line => line.Contains("amount") && line.Contains("900"));

        var forbidden = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "approve", taskId);
        forbidden.ExitCode.Should().Be(5, "a developer is not an approver");
        (await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approve", taskId, "--edits", "{amount: 450")).ExitCode.Should().Be(2);
        (await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approve", "no-such-task")).ExitCode.Should().Be(3);

        var approved = await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approve", taskId, "--edits", "{\"amount\": 450}", "--comment", "half now");
        approved.ExitCode.Should().Be(0, approved.Stderr);
        approved.Stdout.Should().StartWith($"Approved {taskId} (").And.EndWith(")" + Environment.NewLine);

        var second = await CliRunner.RunAsync(server, ServerProcess.CarolKey, "approve", taskId);
        second.ExitCode.Should().Be(4, second.Stderr);
        second.Stderr.Should().StartWith("orch: ").And.Contain("already approved by alice");
        (await CliRunner.RunAsync(server, ServerProcess.CarolKey, "reject", taskId)).ExitCode.Should().Be(4);

        var watched = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "watch", "cli-refund", "--json");
        watched.ExitCode.Should().Be(0, watched.Stdout + watched.Stderr);
        var steps = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "history", waitingInstance, "--json");
        steps.ExitCode.Should().Be(0, steps.Stderr);
        var refunds = JsonDocument.Parse(steps.Stdout).RootElement.GetProperty("steps").EnumerateArray()
            .Select(step => step.GetProperty("output"))
            .Where(output => output.ValueKind == JsonValueKind.Object && output.TryGetProperty("refunded", out _))
            .Select(output => output.GetProperty("refunded").GetDecimal());
        refunds.Should().Equal([450m], "the refund tool ran once, with the approver's edit");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("ledger.db")};Mode=ReadOnly"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT label FROM effects";
            ((string)command.ExecuteScalar()!).Should().Contain("A-3 450", "the refund ran with the approver's edit");
        }

        // The agent acts for dev, and alice decided: the history credits alice with the decision, not whom the agent acts for.
        var history = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "history", waitingInstance);
        history.ExitCode.Should().Be(0, history.Stderr);
        history.Stdout.Split('\n').Should().ContainSingle(line => line.Contains("approval:" + taskId))
            .Which.Should().Contain("by alice").And.NotContain("refunder").And.NotContain("dev");

        var decided = await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approvals", "--status", "approved", "--json");
        var item = JsonDocument.Parse(decided.Stdout).RootElement.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("decidedBy").GetString().Should().Be("alice");
        item.GetProperty("edits").GetProperty("amount").GetDecimal().Should().Be(450);
        (await CliRunner.RunAsync(server, ServerProcess.AliceKey, "approvals", "--json")).Stdout.Should().Contain("\"items\":[]");

        // Two model turns ran; their tokens and cost show in the usage report.
        var usage = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "usage", "--group-by", "model", "--json");
        usage.ExitCode.Should().Be(0, usage.Stderr);
        var total = JsonDocument.Parse(usage.Stdout).RootElement.GetProperty("total");
        total.GetProperty("calls").GetInt64().Should().Be(2);
        total.GetProperty("inputTokens").GetInt64().Should().BePositive();
        total.GetProperty("outputTokens").GetInt64().Should().BePositive();
        total.GetProperty("costUsd").GetDecimal().Should().BePositive();
        var usageTable = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "usage", "--from", "1h");
        usageTable.ExitCode.Should().Be(0, usageTable.Stderr);
        usageTable.Stdout.Split('\n').Should().ContainSingle(line => line.Contains("Total") && line.Contains(" 2 "));
    }

    [Fact]
    public async Task Orch_Audit_ListsTheCallsMadeAndVerifiesTheChainOnAFreshServer()
    {
        using var folder = new TestFolder("cli-audit");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions());

        var verified = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "audit", "--verify");
        verified.ExitCode.Should().Be(0, verified.Stdout + verified.Stderr);
        var intact = System.Text.RegularExpressions.Regex.Match(verified.Stdout, @"^Audit chain intact: (\d+) records\r?\n$");
        intact.Success.Should().BeTrue(verified.Stdout);
        var recordsBefore = long.Parse(intact.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var started = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--id", "audited", "--input", "{\"steps\":1}", "--watch");
        started.ExitCode.Should().Be(0, started.Stderr);

        var listed = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "audit", "--instance", "audited", "--action", "instance.start", "--json");
        listed.ExitCode.Should().Be(0, listed.Stderr);
        var record = JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("items").EnumerateArray().Single();
        record.GetProperty("actor").GetString().Should().Be("user:dev");
        record.GetProperty("outcome").GetString().Should().Be("ok");

        var table = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "audit", "--from", "1h", "--limit", "500");
        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Split('\n').Should().Contain(line => line.Contains("user:dev") && line.Contains("instance.start") && line.Contains("instance:audited"));

        var after = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "audit", "--verify", "--json");
        after.ExitCode.Should().Be(0, after.Stdout);
        var verification = JsonDocument.Parse(after.Stdout).RootElement;
        verification.GetProperty("ok").GetBoolean().Should().BeTrue();
        verification.GetProperty("records").GetInt64().Should().BeGreaterThan(recordsBefore, "starting and running an instance adds records");

        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "audit")).ExitCode.Should().Be(5, "the audit trail is for administrators");
        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "audit", "--verify")).ExitCode.Should().Be(5);
    }

    private static async Task<JsonElement> WaitForPendingApprovalAsync(ServerProcess server, string apiKey)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await CliRunner.RunAsync(server, apiKey, "approvals", "--json");
            run.ExitCode.Should().Be(0, run.Stderr);
            var items = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].Clone();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No pending approval appeared for 'orch approvals' within 30 s.");
            }

            await Task.Delay(200);
        }
    }
}
