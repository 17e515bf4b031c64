namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/instances/{id}/history</c>.</summary>
internal sealed record InstanceHistory(string InstanceId, IReadOnlyList<HistoryStep> Steps);
