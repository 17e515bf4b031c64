namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of a successful <c>POST /api/instances</c>.</summary>
internal sealed record StartInstanceResponse(string InstanceId);
