using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class ApprovalCommandsTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("orch-cli-approvals-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Approvals_NoOptions_AsksForTheServerDefaultsAndRendersATable()
    {
        _cli.Server.On("GET", "/api/approvals", Json($$"""{"items":[{{Samples.Approval("t1")}}]}"""));

        var run = await _cli.RunAsync("approvals");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        lines.Should().Contain(line => line.Contains("Task") && line.Contains("Title") && line.Contains("Workflow / instance") && line.Contains("Requested by") && line.Contains("Due"));
        lines.Single(line => line.Contains("t1")).Should()
            .Contain("Refund $900 on A-2").And.Contain("it.refund-agent / inst-t1").And.Contain("refunder for alice")
            .And.Contain("2025-11-22 13:55:00 (5m ago)").And.Contain("2025-11-22 15:00:00 (in 1h)").And.NotContain("overdue");
        run.Stdout.Should().NotContain("Status", "a list of pending tasks needs no status column");
    }

    [Fact]
    public async Task Approvals_Filters_AreSentInTheQueryString()
    {
        _cli.Server.On("GET", "/api/approvals?status=expired&assignee=all&instanceId=order%201&limit=5", Json("""{"items":[]}"""));

        var run = await _cli.RunAsync("approvals", "--status", "EXPIRED", "--all", "--instance", "order 1", "--limit", "5");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().Be("No approvals match.");
    }

    [Fact]
    public async Task Approvals_Json_PrintsTheServerBody()
    {
        var body = $$"""{"items":[{{Samples.Approval("t1")}},{{Samples.Approval("t2", dueAt: "")}}]}""";
        _cli.Server.On("GET", "/api/approvals", Json(body));

        var run = await _cli.RunAsync("approvals", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(body + Environment.NewLine);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Approvals_UnknownStatus_ExitsTwoBeforeAnyRequest()
    {
        var run = await _cli.RunAsync("approvals", "--status", "done");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("orch: --status 'done' is not one of pending, approved, rejected, expired, withdrawn, all" + Environment.NewLine);
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Approvals_AllAsNonAdministrator_ExitsFiveWithTheServersDetail()
    {
        _cli.Server.On("GET", "/api/approvals?assignee=all", Problem(HttpStatusCode.Forbidden, "Only administrators may list every approval (assignee=all)."));

        var run = await _cli.RunAsync("approvals", "--all");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Be("orch: Only administrators may list every approval (assignee=all)." + Environment.NewLine);
    }

    [Fact]
    public async Task Approvals_TaskId_ShowsTheTaskTheProposedActionAndTheSteps()
    {
        _cli.Server.On("GET", "/api/approvals/t%2F1", Json(Samples.ApprovalDetails("t/1")));

        var run = await _cli.RunAsync("approvals", "t/1");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Refund $900 on A-2").And.Contain("The customer asks for a **refund**.")
            .And.Contain("role:approver, user:bob").And.Contain("refunder for alice").And.Contain("Proposed action")
            .And.Contain("Steps that led to it").And.Contain("approval.create");
        var lines = run.Stdout.Split('\n');
        lines.Single(line => line.Contains("orderId")).Should().Contain("A-2").And.NotContain("\"A-2\"");
        lines.Single(line => line.Contains("amount")).Should().Contain("900");
        lines.Single(line => line.Contains("express")).Should().Contain("true");
        lines.Single(line => line.Contains("lines")).Should().Contain("[1,2]");
    }

    [Fact]
    public async Task Approvals_TaskIdJson_PrintsTheServerBody()
    {
        var body = Samples.ApprovalDetails("t1");
        _cli.Server.On("GET", "/api/approvals/t1", Json(body));

        var run = await _cli.RunAsync("approvals", "t1", "--json");

        run.Stdout.Should().Be(body.TrimEnd() + Environment.NewLine);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("steps").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Approvals_TaskIdNotFound_ExitsThree()
    {
        _cli.Server.On("GET", "/api/approvals/nope", Problem(HttpStatusCode.NotFound, "No approval 'nope'."));

        var run = await _cli.RunAsync("approvals", "nope");

        run.ExitCode.Should().Be(3);
        run.Stderr.Should().Be("orch: No approval 'nope'." + Environment.NewLine);
    }

    [Fact]
    public async Task Approvals_TaskIdWithListFilters_ExitsTwo()
    {
        var run = await _cli.RunAsync("approvals", "t1", "--status", "all");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: --status, --all, --instance and --limit filter the list");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Approve_CommentAndEdits_AreSentAndTheDecisionIsOneLine()
    {
        _cli.Server.On("POST", "/api/approvals/t1/decision", Json(Samples.Approval("t1", status: "approved")));

        var run = await _cli.RunAsync("approve", "t1", "--comment", "half now", "--edits", """{"amount": 450}""");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("Approved t1 (Refund $900 on A-2)" + Environment.NewLine);
        var sent = JsonDocument.Parse(_cli.Server.Requests.Single().Body!).RootElement;
        sent.GetProperty("decision").GetString().Should().Be("approve");
        sent.GetProperty("comment").GetString().Should().Be("half now");
        sent.GetProperty("edits").GetProperty("amount").GetInt32().Should().Be(450);
    }

    [Fact]
    public async Task Approve_EditsFromFile_AreSent()
    {
        var path = Path.Combine(_directory, "edits.json");
        await File.WriteAllTextAsync(path, """{ "amount": 300, "note": "partial" }""");
        _cli.Server.On("POST", "/api/approvals/t1/decision", Json(Samples.Approval("t1", status: "approved")));

        var run = await _cli.RunAsync("approve", "t1", "--edits", "@" + path);

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Single().Body.Should().Be("""{"decision":"approve","edits":{"amount":300,"note":"partial"}}""");
    }

    [Fact]
    public async Task Approve_WithoutOptions_SendsOnlyTheDecision()
    {
        _cli.Server.On("POST", "/api/approvals/t1/decision", Json(Samples.Approval("t1", status: "approved")));

        var run = await _cli.RunAsync("approve", "t1");

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Single().Body.Should().Be("""{"decision":"approve"}""");
    }

    [Theory]
    [InlineData("{amount: 450")]
    [InlineData("450")]
    [InlineData("[\"amount\"]")]
    [InlineData("@missing-edits.json")]
    public async Task Approve_InvalidEdits_ExitsTwoBeforeAnyRequest(string edits)
    {
        var run = await _cli.RunAsync("approve", "t1", "--edits", edits);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: --edits ");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Approve_AlreadyDecided_ExitsFourWithWhoDecidedAndWhen()
    {
        const string detail = "Approval 't1' was already approved by carol at 2025-11-22T11:58:00.0000000Z.";
        _cli.Server.On("POST", "/api/approvals/t1/decision", Problem(HttpStatusCode.Conflict, detail));

        var run = await _cli.RunAsync("approve", "t1");

        run.ExitCode.Should().Be(4);
        run.Stderr.Should().Be($"orch: {detail}" + Environment.NewLine);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Approve_NotAnAssignee_ExitsFive()
    {
        _cli.Server.On("POST", "/api/approvals/t1/decision", Problem(HttpStatusCode.Forbidden, "User 'dev' is not an assignee of approval 't1'."));

        var run = await _cli.RunAsync("approve", "t1");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Contain("is not an assignee");
    }

    [Fact]
    public async Task Approve_UnknownTask_ExitsThree()
    {
        _cli.Server.On("POST", "/api/approvals/nope/decision", Problem(HttpStatusCode.NotFound, "No approval 'nope'."));

        (await _cli.RunAsync("approve", "nope")).ExitCode.Should().Be(3);
    }

    [Fact]
    public async Task Approve_ServerUnreachable_ExitsSix()
    {
        _cli.Server.On("POST", "/api/approvals/t1/decision", () => throw new HttpRequestException("Connection refused"));

        (await _cli.RunAsync("approve", "t1")).ExitCode.Should().Be(6);
    }

    [Fact]
    public async Task Reject_Comment_IsSentAndJsonModePrintsTheDecidedTask()
    {
        var decided = Samples.Approval("t1", status: "rejected");
        _cli.Server.On("POST", "/api/approvals/t1/decision", Json(decided));

        var run = await _cli.RunAsync("reject", "t1", "--comment", "not covered", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Single().Body.Should().Be("""{"decision":"reject","comment":"not covered"}""");
        run.Stdout.Should().Be(decided.TrimEnd() + Environment.NewLine);
    }

    [Fact]
    public async Task Reject_HumanOutput_IsOneLine()
    {
        _cli.Server.On("POST", "/api/approvals/t1/decision", Json(Samples.Approval("t1", status: "rejected")));

        var run = await _cli.RunAsync("reject", "t1");

        run.Stdout.Should().Be("Rejected t1 (Refund $900 on A-2)" + Environment.NewLine);
    }

    [Theory]
    [InlineData("reject", "t1", "--edits", "{}")]
    [InlineData("approve")]
    [InlineData("approve", " ")]
    public async Task Decision_BadArguments_ExitTwo(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: ");
        _cli.Server.Requests.Should().BeEmpty();
    }
}
