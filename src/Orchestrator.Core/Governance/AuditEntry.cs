namespace Orchestrator.Core.Governance;

/// <summary>
/// What one audit record says: when, who (a user, or an agent acting for a user), did what to what, and how it ended.
/// Never holds inputs, outputs or request bodies (they may hold secrets): names, ids, statuses and error types only.
/// </summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Actor"><c>user:&lt;name&gt;</c>, <c>agent:&lt;name&gt;</c>, <c>system</c> or <c>anonymous</c>.</param>
/// <param name="OnBehalfOf">The person an agent acted for (<c>user:&lt;name&gt;</c>), or null.</param>
/// <param name="Action">What was done, e.g. <c>instance.start</c> or <c>step.tool</c> (see <see cref="AuditActions"/>).</param>
/// <param name="Target">What it was done to, e.g. <c>instance:&lt;id&gt;</c> or <c>approval:&lt;taskId&gt;</c>.</param>
/// <param name="Outcome">How it ended (see <see cref="AuditOutcomes"/>).</param>
/// <param name="InstanceId">The instance it concerns, for filtering; null when none.</param>
/// <param name="Details">A small JSON object with ids, names and statuses, or null.</param>
public sealed record AuditEntry(
    DateTime Time,
    string Actor,
    string? OnBehalfOf,
    string Action,
    string? Target,
    string Outcome,
    string? InstanceId = null,
    string? Details = null);
