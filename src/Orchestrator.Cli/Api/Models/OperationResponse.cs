namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of an accepted suspend, resume, terminate or restart.</summary>
internal sealed record OperationResponse(string InstanceId, string Status);
