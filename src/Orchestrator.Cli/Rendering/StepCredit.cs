using System.Text.Json;
using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli.Rendering;

/// <summary>
/// Whom a history line credits with what the step records: the user the server names as <see cref="HistoryStep.By"/>
/// (who raised the event, applied the operation, or decided the approval). A step's <see cref="HistoryStep.Principal"/>
/// is the principal it acts as (the instance's agent and the person it runs for), never who did this, so it is not
/// credited. Decisions recorded before the server named <c>By</c> still carry their decider in the payload.
/// </summary>
internal static class StepCredit
{
    private const string ApprovalEventPrefix = "approval:";

    /// <summary>Who raised the event or applied the operation; null when the history names nobody.</summary>
    public static string? Of(HistoryStep step) =>
        step.By is { Length: > 0 } by ? by
        : step is { Kind: "event", Output: { ValueKind: JsonValueKind.Object } decision }
          && step.Name.StartsWith(ApprovalEventPrefix, StringComparison.Ordinal)
          && decision.TryGetProperty("decidedBy", out var decider) && decider.ValueKind == JsonValueKind.String
          && decider.GetString() is { Length: > 0 } name
            ? name
            : null;
}
