using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class InstanceListRendererTests
{
    private readonly FixedClock _clock = new();

    [Fact]
    public void Render_Summaries_ShowsOneRowPerInstanceWithLocalAndRelativeTimes()
    {
        var text = Rendered.Text(InstanceListRenderer.Render(RenderingSamples.Page(), _clock));

        var lines = text.Split('\n');
        lines.Should().Contain(line => line.Contains("Instance") && line.Contains("Workflow") && line.Contains("Status") && line.Contains("Started by"));
        var first = lines.Single(line => line.Contains("order-1"));
        first.Should().Contain("samples.sequence v2").And.Contain("Running").And.Contain("2025-11-22 13:55:00 (5m ago)").And.Contain("30s ago").And.Contain("alice");
        var second = lines.Single(line => line.Contains("order-0"));
        second.Should().Contain("samples.approval v1").And.Contain("Failed").And.Contain("(2d ago)").And.Contain("1d ago");
        text.Should().NotContain("More instances");
    }

    [Theory]
    [InlineData("refund-flow", "2", "Refund request", "Refund request (refund-flow v2)")]
    [InlineData("orchestrator.agent", null, "support-triage", "support-triage (orchestrator.agent)")]
    [InlineData("samples.sequence", "1", "samples.sequence", "samples.sequence v1")]
    [InlineData("samples.sequence", "1", null, "samples.sequence v1")]
    public void WorkflowLabel_WithADisplayName_PutsItFirstAndKeepsTheName(string workflow, string? version, string? displayName, string expected)
    {
        InstanceListRenderer.WorkflowLabel(workflow, version, displayName).Should().Be(expected);
    }

    [Fact]
    public void Render_PlainConsole_HasNoAnsiEscapes()
    {
        Rendered.Text(InstanceListRenderer.Render(RenderingSamples.Page(), _clock)).Should().NotContain("\u001b[");
    }

    [Fact]
    public void Render_WithNextCursor_TellsHowToGetTheNextPage()
    {
        Rendered.Text(InstanceListRenderer.Render(RenderingSamples.Page("c2"), _clock)).Should().Contain("orch list --cursor c2");
    }

    [Fact]
    public void Render_NoInstances_SaysSo()
    {
        Rendered.Text(InstanceListRenderer.Render(new InstancePage([]), _clock)).Trim().Should().Be("No instances match.");
    }
}
