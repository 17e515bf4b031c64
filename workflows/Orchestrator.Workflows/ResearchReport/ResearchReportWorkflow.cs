using Orchestrator.Agents;
using Orchestrator.Core;

namespace Orchestrator.Workflows.ResearchReport;

/// <summary>
/// A supervisor workflow: three researcher agents work in parallel (each its own child instance), then a writer agent
/// merges what they found. A researcher that stops at a limit still contributes what it had, marked as partial.
/// </summary>
[Workflow(Name, Description = "Three researcher agents in parallel, then a writer agent merges their findings.")]
public sealed class ResearchReportWorkflow : Workflow<ResearchRequest, ResearchReportResult>
{
    public const string Name = "research.report";

    public override async Task<ResearchReportResult> RunAsync(WorkflowContext ctx, ResearchRequest input)
    {
        ctx.SetCustomStatus(new { stage = "researching" });
        var research = await Task.WhenAll(
            ctx.RunAgentAsync(ResearchAgents.Market, input.Topic),
            ctx.RunAgentAsync(ResearchAgents.Literature, input.Topic),
            ctx.RunAgentAsync(ResearchAgents.Risks, input.Topic));

        ctx.SetCustomStatus(new { stage = "writing" });
        var findings = string.Join("\n\n", research.Select(r =>
            $"## From {r.Agent}{(r.Status == AgentRunStatus.Completed ? string.Empty : $" (partial: {r.Reason})")}\n{r.Output}"));
        var report = await ctx.RunAgentAsync(ResearchAgents.Writer, $"Topic: {input.Topic}\n\nFindings:\n{findings}");

        return new ResearchReportResult(input.Topic, report.Output ?? report.Reason, research, research.Sum(r => r.CostUsd) + report.CostUsd);
    }
}
