using System.Text.Json;
using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli.Rendering;

/// <summary>
/// Whom a history line credits with what the step records. A step's <see cref="HistoryStep.Principal"/> is the principal
/// it acts as (the instance's agent and the person it runs for), never who raised an event or applied an operation, so
/// it is not credited: a decision names its decider in its own payload, and for other events and operations the history
/// records nobody (the audit trail does: <c>orch audit --instance</c>).
/// </summary>
internal static class StepCredit
{
    private const string ApprovalEventPrefix = "approval:";

    /// <summary>The person who decided, for the decision event <c>approval:&lt;taskId&gt;</c>; null for every other step.</summary>
    public static string? Of(HistoryStep step) =>
        step is { Kind: "event", Output: { ValueKind: JsonValueKind.Object } decision }
        && step.Name.StartsWith(ApprovalEventPrefix, StringComparison.Ordinal)
        && decision.TryGetProperty("decidedBy", out var by) && by.ValueKind == JsonValueKind.String
        && by.GetString() is { Length: > 0 } name
            ? name
            : null;
}
