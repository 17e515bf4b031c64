using Orchestrator.Agents;

namespace Orchestrator.Workflows.ResearchReport;

/// <summary>The merged report and what each researcher contributed.</summary>
public sealed record ResearchReportResult(string Topic, string Report, IReadOnlyList<AgentRunResult> Research, decimal CostUsd);
