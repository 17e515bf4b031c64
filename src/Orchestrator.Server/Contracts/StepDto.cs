using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>One checkpointed step of an instance, as shown by the history and the event stream.</summary>
/// <param name="Sequence">1-based position in the instance's history.</param>
/// <param name="Kind"><c>workflow</c>, <c>activity</c>, <c>timer</c>, <c>wait</c> (for an event or an approval's decision),
/// <c>subWorkflow</c>, <c>event</c>, <c>eventSent</c>, <c>patch</c>, <c>marker</c> or <c>operation</c>.</param>
/// <param name="Name">The activity, workflow, event or operation name; a timer's fire time.</param>
/// <param name="Status">The step's status, e.g. <c>Scheduled</c>, <c>Completed</c>, <c>Failed</c>, <c>Waiting</c>, <c>Fired</c>,
/// <c>Received</c>, <c>TimedOut</c>, or <c>Cancelled</c> (still open when the instance ended, or its wait was over).</param>
/// <param name="StartedAt">When it began (UTC).</param>
/// <param name="CompletedAt">When it ended (UTC), or null while open.</param>
/// <param name="Attempt">Which attempt finished it (or runs now), for activities.</param>
/// <param name="Input">Its input, as JSON.</param>
/// <param name="Output">Its output, as JSON.</param>
/// <param name="Error">Its failure.</param>
/// <param name="Principal">Who the step acts as, for display: <c>&lt;agent&gt; for &lt;user&gt;</c>, or the user when no agent acts.</param>
/// <param name="Agent">The agent the step acts as, if an agent acts.</param>
/// <param name="OnBehalfOf">The user the step acts for.</param>
internal sealed record StepDto(
    int Sequence,
    string Kind,
    string Name,
    string Status,
    DateTime StartedAt,
    DateTime? CompletedAt,
    int? Attempt,
    JsonElement? Input,
    JsonElement? Output,
    ErrorInfo? Error,
    string? Principal,
    string? Agent,
    string? OnBehalfOf)
{
    /// <summary>The sub-workflow's instance id (sub-workflow steps only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChildInstanceId { get; init; }

    /// <summary>The receiving instance (sent-event steps only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TargetInstanceId { get; init; }

    /// <summary>The tokens and cost the step reported (activity steps that called a model only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepUsage? Usage { get; init; }

    /// <summary>A label for people where the name is technical: <c>Waiting for event go</c>, <c>Waiting for approval: …</c>, <c>Agent triage</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    /// <summary>When the wait times out (wait steps with a timeout only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? Deadline { get; init; }

    /// <summary>The failed attempts of a retried activity, in order (activity steps that were retried only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StepAttemptDto>? Attempts { get; init; }

    /// <summary>
    /// Who raised the event or applied the operation (the decider, for an approval's decision); event and operation
    /// steps only, when a user did. <see cref="Principal"/> is whom the instance acts as, not who did this.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? By { get; init; }
}
