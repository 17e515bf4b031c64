namespace Orchestrator.Workflows.ResearchReport;

/// <summary>What to research.</summary>
public sealed record ResearchRequest(string Topic);
