namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/instances</c>: newest first, with a cursor when more remain.</summary>
internal sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, string? NextCursor = null);
