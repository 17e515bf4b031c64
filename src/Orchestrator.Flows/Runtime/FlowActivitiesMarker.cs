namespace Orchestrator.Flows.Runtime;

/// <summary>Marks a service collection where the flow activities are registered, so registering twice is harmless.</summary>
internal sealed class FlowActivitiesMarker;
