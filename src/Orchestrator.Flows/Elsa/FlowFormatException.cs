namespace Orchestrator.Flows.Elsa;

/// <summary>The text is not a workflow definition at all (not JSON, not an object, a wrongly shaped field).</summary>
/// <param name="message">What is wrong, in a sentence a person can act on.</param>
public sealed class FlowFormatException(string message) : Exception(message);
