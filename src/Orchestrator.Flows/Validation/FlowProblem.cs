namespace Orchestrator.Flows.Validation;

/// <summary>One thing wrong with a flow, with the node it is on and a sentence that says what to do.</summary>
/// <param name="NodeId">The activity id the problem is on; null for the document as a whole.</param>
/// <param name="Code">A stable code, e.g. <c>unknown-activity-type</c> (see <see cref="FlowProblemCodes"/>).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FlowProblem(string? NodeId, string Code, string Message);
