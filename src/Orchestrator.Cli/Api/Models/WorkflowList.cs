namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/workflows</c>.</summary>
internal sealed record WorkflowList(IReadOnlyList<WorkflowInfo> Items);
