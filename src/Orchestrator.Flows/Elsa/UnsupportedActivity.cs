namespace Orchestrator.Flows.Elsa;

/// <summary>An activity type a flow uses that this runtime cannot run, and the nodes that use it.</summary>
/// <param name="Type">The type as written in the document (empty when a node has no type).</param>
/// <param name="NodeIds">The ids of the nodes of that type, in document order.</param>
public sealed record UnsupportedActivity(string Type, IReadOnlyList<string> NodeIds);
