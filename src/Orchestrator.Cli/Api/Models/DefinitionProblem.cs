namespace Orchestrator.Cli.Api.Models;

/// <summary>A validation problem of a flow, on its node.</summary>
internal sealed record DefinitionProblem(string? NodeId, string Code, string Message);
