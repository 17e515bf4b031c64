namespace Orchestrator.Flows.Validation;

/// <summary>What the validator may check a flow against, beyond the flow itself.</summary>
/// <param name="Tools">The registered tool names; null skips the tool check.</param>
/// <param name="WorkflowExists">Whether a workflow (code or flow) of that name can be started; null skips the check.</param>
/// <param name="Agents">The registered agent names; null skips the agent check.</param>
public sealed record FlowValidationContext(
    IReadOnlySet<string>? Tools = null, Func<string, bool>? WorkflowExists = null, IReadOnlySet<string>? Agents = null);
