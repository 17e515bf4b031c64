using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class InstanceDetailRendererTests
{
    private readonly FixedClock _clock = new();

    [Fact]
    public void Render_Instance_ShowsEveryKnownField()
    {
        var text = Rendered.Text(InstanceDetailRenderer.Render(RenderingSamples.Instance("Running"), _clock));

        text.Should().Contain("order-1").And.Contain("samples.sequence v1").And.Contain("Running")
            .And.Contain("2025-11-22 13:55:00 (5m ago)").And.Contain("alice").And.Contain("team=a")
            .And.Contain("10 input + 20 output tokens, $0.0012").And.Contain("\"n\": 1");
    }

    [Fact]
    public void Render_ParentOfAgents_ShowsTheTotalWithItsOwnShareAndTheDisplayName()
    {
        var instance = RenderingSamples.Instance("Completed") with
        {
            Workflow = "refund-flow",
            WorkflowDisplayName = "Refund request",
            Usage = new InstanceUsage(4000, 300, 0.0104m),
            OwnUsage = new InstanceUsage(0, 0, 0m),
        };

        var text = Rendered.Text(InstanceDetailRenderer.Render(instance, _clock));

        text.Should().Contain("Refund request (refund-flow v1)")
            .And.Contain("4000 input + 300 output tokens, $0.0104 (own steps: 0 input + 0 output tokens, $0.0000)");
    }

    [Fact]
    public void Render_FailedInstance_ShowsTheErrorsTypeAndMessage()
    {
        var instance = RenderingSamples.Instance("Failed") with
        {
            Error = new FailureInfo("InvalidOperationException", "no stock"),
        };

        var text = Rendered.Text(InstanceDetailRenderer.Render(instance, _clock));

        text.Should().Contain("InvalidOperationException: no stock");
    }

    [Fact]
    public void RenderOutcome_Completed_ShowsDurationAndOutput()
    {
        var instance = RenderingSamples.Instance() with { Output = System.Text.Json.JsonDocument.Parse("{\"total\":3}").RootElement };

        var text = Rendered.Text(InstanceDetailRenderer.RenderOutcome(instance));

        text.Should().StartWith("Completed order-1 in 4m 30s").And.Contain("\"total\": 3");
    }

    [Theory]
    [InlineData("T", "m", "T: m")]
    [InlineData(null, "m", "m")]
    [InlineData("T", null, "T")]
    [InlineData(null, null, "failed")]
    public void Describe_UsesWhatTheServerSent(string? type, string? message, string expected)
    {
        InstanceDetailRenderer.Describe(new FailureInfo(type, message)).Should().Be(expected);
    }
}
