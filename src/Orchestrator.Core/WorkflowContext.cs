using Microsoft.Extensions.Logging;

namespace Orchestrator.Core;

/// <summary>
/// The durable context a workflow runs in: every call that does work or waits is recorded in history,
/// and replays from history after a restart without being repeated.
/// </summary>
/// <remarks>See <see cref="Workflow{TInput, TOutput}"/> for the determinism rules that make replay work.</remarks>
public abstract class WorkflowContext
{
    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The workflow name.</summary>
    public abstract string Name { get; }

    /// <summary>The person who started the instance (carried to sub-workflows), when known.</summary>
    public abstract string? StartedBy { get; }

    /// <summary>The agent this instance runs as (agent runs), or null; steps record it with <see cref="StartedBy"/>.</summary>
    public abstract string? Agent { get; }

    /// <summary>The current time, as recorded in history: the same value on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-running steps that already happened; use it to avoid repeating logs or metrics.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>A logger that writes nothing while <see cref="IsReplaying"/> is true.</summary>
    public abstract ILogger Logger { get; }

    /// <summary>Calls an activity and returns its result; failures surface as <see cref="WorkflowTaskFailedException"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The input (JSON-serializable).</param>
    /// <param name="retry">How failures are retried; null makes one attempt.</param>
    /// <returns>The activity's result.</returns>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, RetryPolicy? retry = null);

    /// <summary>Calls an activity that returns nothing of interest.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The input (JSON-serializable).</param>
    /// <param name="retry">How failures are retried; null makes one attempt.</param>
    /// <returns>A task that completes when the activity does.</returns>
    public Task CallActivityAsync(string name, object? input = null, RetryPolicy? retry = null) =>
        CallActivityAsync<object?>(name, input, retry);

    /// <summary>Runs another workflow as a child instance and returns its output.</summary>
    /// <typeparam name="TResult">The child's output type.</typeparam>
    /// <param name="name">The child workflow's name.</param>
    /// <param name="input">The child's input.</param>
    /// <param name="options">Instance id and version of the child.</param>
    /// <returns>The child's output; a failed or terminated child surfaces as <see cref="WorkflowTaskFailedException"/>.</returns>
    public abstract Task<TResult> CallSubWorkflowAsync<TResult>(string name, object? input = null, SubWorkflowOptions? options = null);

    /// <summary>A durable timer: completes at <paramref name="fireAt"/> even if the process restarts in between.</summary>
    /// <param name="fireAt">When to fire (UTC).</param>
    /// <param name="cancellationToken">Cancels the wait (the timer is then ignored when it fires).</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public abstract Task CreateTimerAsync(DateTime fireAt, CancellationToken cancellationToken = default);

    /// <summary>A durable timer that fires after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public Task CreateTimerAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        CreateTimerAsync(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an external event by name. Events that arrived before the wait are buffered and delivered in order,
    /// never lost.
    /// </summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="name">The event name (case-sensitive).</param>
    /// <param name="timeout">How long to wait; null waits forever. On timeout a <see cref="TimeoutException"/> is thrown.</param>
    /// <returns>The event's payload.</returns>
    public abstract Task<T> WaitForExternalEventAsync<T>(string name, TimeSpan? timeout = null);

    /// <summary>Sends an event to another instance (delivered after this step is committed).</summary>
    /// <param name="instanceId">The receiving instance.</param>
    /// <param name="name">The event name.</param>
    /// <param name="payload">The payload (JSON-serializable).</param>
    public abstract void SendEvent(string instanceId, string name, object? payload = null);

    /// <summary>
    /// Ends this run when the workflow returns and starts it again with <paramref name="input"/> and an empty history,
    /// so an eternal workflow does not grow without bound. Buffered, unconsumed events are carried over.
    /// </summary>
    /// <param name="input">The next run's input.</param>
    public abstract void ContinueAsNew(object? input);

    /// <summary>A GUID that is the same on every replay.</summary>
    /// <returns>A deterministic GUID.</returns>
    public abstract Guid NewGuid();

    /// <summary>
    /// Adds a record to the audit trail as this instance's principal (its agent acting for its user, or its user), e.g.
    /// a policy decision. It is written once: committed with this step's history, and not again when the step replays.
    /// Never pass inputs, outputs or anything that may hold a secret in <paramref name="details"/>.
    /// </summary>
    /// <param name="action">The action, e.g. <c>policy.deny</c> (see <c>Governance.AuditActions</c>).</param>
    /// <param name="outcome">The outcome (see <c>Governance.AuditOutcomes</c>).</param>
    /// <param name="target">What it concerns; null for this instance.</param>
    /// <param name="details">A small JSON-serializable object of names and ids.</param>
    public abstract void RecordAudit(string action, string outcome, string? target = null, object? details = null);

    /// <summary>Publishes a small status object for observers (API, CLI, UI); it is stored with every step.</summary>
    /// <param name="status">Any JSON-serializable value, or null to clear.</param>
    public abstract void SetCustomStatus(object? status);

    /// <summary>
    /// Lets new code and old instances coexist: returns true for instances that reach this point with the new code
    /// (and records that in history), false for instances whose history was written before the change.
    /// </summary>
    /// <param name="changeId">A stable name for the change, e.g. <c>send-sms-2025-06</c>.</param>
    /// <returns>Whether to take the new code path.</returns>
    /// <example><code>
    /// if (ctx.IsPatched("send-sms")) { await ctx.CallActivityAsync("notify.sms", order); }
    /// else { await ctx.CallActivityAsync("notify.email", order); }
    /// </code></example>
    public abstract bool IsPatched(string changeId);
}
