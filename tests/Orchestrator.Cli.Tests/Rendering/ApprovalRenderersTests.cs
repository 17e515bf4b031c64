using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class ApprovalRenderersTests
{
    private readonly FixedClock _clock = new();

    [Fact]
    public void Render_PastDueTask_IsMarkedOverdue()
    {
        var list = ApiJson.Read<ApprovalList>($$"""{"items":[{{Samples.Approval("late", dueAt: "2025-11-22T11:00:00Z")}},{{Samples.Approval("fine")}}]}""");

        var lines = Rendered.Text(ApprovalListRenderer.Render(list, _clock)).Split('\n');

        lines.Single(line => line.Contains("late")).Should().Contain("2025-11-22 13:00:00 (1h ago) overdue");
        lines.Single(line => line.Contains("fine")).Should().NotContain("overdue");
    }

    [Fact]
    public void Render_OverdueOnATerminal_IsRed()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: true, name => name == "TERM" ? "xterm-256color" : null, width: 200);
        var item = ApiJson.Read<ApprovalItem>(Samples.Approval("late", dueAt: "2025-11-22T11:00:00Z"));

        console.Write(ApprovalListRenderer.Due(item, _clock));

        writer.ToString().Should().Contain("\u001b[").And.Contain("overdue");
    }

    [Fact]
    public void Render_DecidedTaskPastItsDueTime_IsNotOverdue()
    {
        var item = ApiJson.Read<ApprovalItem>(Samples.Approval("t1", status: "approved", dueAt: "2025-11-22T11:00:00Z"));

        ApprovalListRenderer.IsOverdue(item, _clock).Should().BeFalse();
    }

    [Fact]
    public void Render_MixedStatuses_AddsAStatusColumn()
    {
        var list = ApiJson.Read<ApprovalList>($$"""{"items":[{{Samples.Approval("t1", status: "expired")}},{{Samples.Approval("t2")}}]}""");

        var text = Rendered.Text(ApprovalListRenderer.Render(list, _clock));

        text.Split('\n').Single(line => line.Contains("t1")).Should().Contain("expired");
        text.Should().Contain("Status");
    }

    [Theory]
    [InlineData("refunder", "alice", "refunder for alice")]
    [InlineData("refunder", null, "refunder")]
    [InlineData(null, "alice", "alice")]
    [InlineData(null, null, "-")]
    public void RequesterLabel_NamesTheAgentAndThePerson(string? agent, string? person, string expected)
    {
        ApprovalListRenderer.RequesterLabel(new ApprovalRequester(agent, person)).Should().Be(expected);
    }

    [Fact]
    public void ProposedTable_NotAnObject_IsOneRow()
    {
        var value = System.Text.Json.JsonDocument.Parse("\"ship it\"").RootElement;

        var text = Rendered.Text(ApprovalDetailRenderer.ProposedTable(value));

        text.Split('\n').Should().ContainSingle(line => line.Contains("value") && line.Contains("ship it"));
    }

    [Fact]
    public void ProposedTable_Absent_SaysNone()
    {
        Rendered.Text(ApprovalDetailRenderer.ProposedTable(null)).Trim().Should().Be("(none)");
    }

    [Fact]
    public void Render_DecidedTask_ShowsWhoDecidedTheCommentAndTheEdits()
    {
        var details = ApiJson.Read<ApprovalDetails>(Samples.ApprovalDetails("t1")) with
        {
            Status = "approved",
            DecidedBy = "carol",
            DecidedAt = new DateTimeOffset(2025, 11, 22, 11, 58, 0, TimeSpan.Zero),
            Comment = "half now",
            Edits = System.Text.Json.JsonDocument.Parse("""{"amount":450}""").RootElement,
        };

        var text = Rendered.Text(ApprovalDetailRenderer.Render(details, _clock));

        text.Should().Contain("by carol at 2025-11-22 13:58:00 (2m ago)").And.Contain("half now").And.Contain("""{"amount":450}""");
    }
}
