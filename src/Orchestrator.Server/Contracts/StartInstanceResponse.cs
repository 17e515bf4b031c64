namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>POST /api/instances</c>.</summary>
/// <param name="InstanceId">The new or existing instance's id.</param>
internal sealed record StartInstanceResponse(string InstanceId);
