namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/definitions</c>.</summary>
internal sealed record DefinitionList(IReadOnlyList<DefinitionInfo> Items);
