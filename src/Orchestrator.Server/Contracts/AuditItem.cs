using System.Text.Json;

namespace Orchestrator.Server.Contracts;

/// <summary>One audit record.</summary>
/// <param name="Sequence">Its place in the hash chain (1, 2, 3 …).</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Actor"><c>user:&lt;name&gt;</c>, <c>agent:&lt;name&gt;</c>, <c>system</c> or <c>anonymous</c>.</param>
/// <param name="OnBehalfOf">The person an agent acted for, or null.</param>
/// <param name="Action">What was done, e.g. <c>instance.start</c>, <c>step.tool</c>, <c>approval.approved</c>.</param>
/// <param name="Target">What it was done to, e.g. <c>instance:&lt;id&gt;</c> or <c>approval:&lt;taskId&gt;</c>.</param>
/// <param name="Outcome"><c>ok</c>, <c>failed</c>, <c>denied</c>, <c>forbidden</c>, <c>conflict</c> or <c>invalid</c>.</param>
/// <param name="InstanceId">The instance it concerns, or null.</param>
/// <param name="Details">Ids, names and statuses (never inputs, outputs or request bodies), or null.</param>
/// <param name="PreviousHash">The hash of the record before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 of the record's canonical form, lower-case hex.</param>
internal sealed record AuditItem(
    long Sequence,
    DateTime Time,
    string Actor,
    string? OnBehalfOf,
    string Action,
    string? Target,
    string Outcome,
    string? InstanceId,
    JsonElement? Details,
    string PreviousHash,
    string Hash);
