namespace Orchestrator.Server.Contracts;

/// <summary>A validation problem of a flow, on the node it is about.</summary>
/// <param name="NodeId">The node's id; null for a problem of the whole flow.</param>
/// <param name="Code">A stable code (see <c>FlowProblemCodes</c>).</param>
/// <param name="Message">A sentence a person can act on.</param>
internal sealed record DefinitionProblem(string? NodeId, string Code, string Message);
