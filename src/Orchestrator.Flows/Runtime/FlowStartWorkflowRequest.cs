namespace Orchestrator.Flows.Runtime;

/// <summary>The input of the <c>flow.start-workflow</c> step.</summary>
/// <param name="NodeId">The node that starts it (for messages).</param>
/// <param name="Workflow">The workflow to start.</param>
/// <param name="Version">The version, or null for the latest.</param>
/// <param name="InputJson">Its input as JSON, or null.</param>
/// <param name="InstanceId">The new instance's id, chosen by the flow so a repeated step finds the same instance.</param>
/// <param name="StartedBy">The person the flow runs for; the new instance runs for them too.</param>
/// <param name="Parent">The flow instance that starts it (the <c>parent</c> tag).</param>
internal sealed record FlowStartWorkflowRequest(
    string NodeId, string Workflow, string? Version, string? InputJson, string InstanceId, string? StartedBy, string Parent);
