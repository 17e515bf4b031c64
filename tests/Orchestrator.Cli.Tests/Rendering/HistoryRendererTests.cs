using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class HistoryRendererTests
{
    private readonly FixedClock _clock = new();

    [Fact]
    public void Render_Steps_ShowsKindNameStatusTimingAndResult()
    {
        var lines = Rendered.Text(HistoryRenderer.Render(RenderingSamples.History(), _clock)).Split('\n');

        lines.Should().Contain(line => line.Contains('#') && line.Contains("Kind") && line.Contains("Took") && line.Contains("Result"));
        lines.Single(line => line.Contains("ChargeCard")).Should()
            .Contain("activity").And.Contain("Completed").And.Contain("13:56:00").And.Contain("1.5s").And.Contain("{\"ok\":true}");
        lines.Single(line => line.Contains("ShipOrder")).Should()
            .Contain("Failed").And.Contain("1m 05s").And.Contain(" 3 ").And.Contain("TimeoutException: carrier did not answer");
        lines.Single(line => line.Contains("approval")).Should().Contain("Received").And.Contain("\"decidedBy\":\"bob\"} by bob");
    }

    [Fact]
    public void Render_ApprovalDecision_CreditsTheDeciderNotThePrincipalTheInstanceActsAs()
    {
        var line = Rendered.Text(HistoryRenderer.Render(RenderingSamples.History(), _clock)).Split('\n').Single(l => l.Contains("approval:t1"));

        line.Should().EndWith("by bob │").And.NotContain("ann").And.NotContain("refunder");
    }

    [Fact]
    public void Render_PrincipalOfOrdinarySteps_IsLeftOut()
    {
        var history = new InstanceHistory("x", [new HistoryStep(1, "activity", "ChargeCard", "Completed", Principal: "alice")]);

        Rendered.Text(HistoryRenderer.Render(history, _clock)).Should().NotContain("alice");
    }

    [Theory]
    [InlineData("operation", "restart")]
    [InlineData("event", "customer-message")]
    [InlineData("event", "approval:t1")]
    public void Render_EventOrOperationWithoutARecordedActor_CreditsNobody(string kind, string name)
    {
        var history = new InstanceHistory("x", [new HistoryStep(2, kind, name, "Applied", Principal: "support-triage for dev")]);

        Rendered.Text(HistoryRenderer.Render(history, _clock)).Should().NotContain("by").And.NotContain("support-triage");
    }

    [Theory]
    [InlineData("operation", "restart")]
    [InlineData("event", "customer-message")]
    public void Render_EventOrOperationByAUser_CreditsThatUserNotThePrincipal(string kind, string name)
    {
        var history = new InstanceHistory("x", [new HistoryStep(2, kind, name, "Applied", Principal: "support-triage for dev", By: "admin")]);

        var line = Rendered.Text(HistoryRenderer.Render(history, _clock)).Split('\n').Single(l => l.Contains(name));

        line.Should().Contain("by admin").And.NotContain("support-triage").And.NotContain("dev");
    }

    [Fact]
    public void Render_StepWithATitle_ShowsTheTitleForItsName()
    {
        var history = new InstanceHistory("x", [new HistoryStep(3, "wait", "approval:t9", "Waiting", Title: "Waiting for approval: Refund $900")]);

        Rendered.Text(HistoryRenderer.Render(history, _clock)).Should().Contain("Waiting for approval: Refund $900").And.NotContain("approval:t9");
    }

    [Fact]
    public void Render_NamesWithMarkupCharacters_AreShownLiterally()
    {
        Rendered.Text(HistoryRenderer.Render(RenderingSamples.History(), _clock)).Should().Contain("wait [1m]");
    }

    [Fact]
    public void Render_StepsInServerOrder()
    {
        var text = Rendered.Text(HistoryRenderer.Render(RenderingSamples.History(), _clock));

        text.IndexOf("ChargeCard", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("ShipOrder", StringComparison.Ordinal));
        text.IndexOf("ShipOrder", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("approval", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoSteps_SaysSo()
    {
        Rendered.Text(HistoryRenderer.Render(new InstanceHistory("x", []), _clock)).Should().Contain("x has no checkpointed steps yet");
    }
}
