using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Client;

/// <summary>Starts, queries and operates workflow instances. Every operation is durable when the call returns.</summary>
public interface IWorkflowClient
{
    /// <summary>The workflows this engine can run.</summary>
    /// <returns>Name, version and description of each.</returns>
    IReadOnlyList<WorkflowDescriptor> GetWorkflows();

    /// <summary>
    /// Starts an instance. A caller-supplied id is idempotent: the same id with the same workflow and input returns the
    /// existing instance (<see cref="StartWorkflowResult.Created"/> false); with other input it throws <see cref="InstanceConflictException"/>.
    /// </summary>
    /// <param name="request">What to start.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The instance id and whether it was created now.</returns>
    /// <exception cref="WorkflowNotFoundException">No workflow of that name (and version).</exception>
    /// <exception cref="InstanceConflictException">The id is taken by another input.</exception>
    Task<StartWorkflowResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>One instance, or null.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The instance.</returns>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>A page of instances, newest first.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    Task<InstancePage> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>The instance's history (current generation).</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The events in order.</returns>
    /// <exception cref="InstanceNotFoundException">Unknown id.</exception>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Raises an external event; it is buffered until the workflow waits for it.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="payloadJson">The payload as JSON text, or null.</param>
    /// <param name="requestedBy">The user who raises it, recorded in history (<c>By</c>) so the timeline can say who did it; null for none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InstanceNotFoundException">Unknown id.</exception>
    /// <exception cref="InstanceConflictException">The instance has finished.</exception>
    Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, string? requestedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Suspends a running instance: it stops taking steps until resumed.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="requestedBy">The user who asks, recorded in history (<c>By</c>) so the timeline can say who did it; null for none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task SuspendAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes a suspended instance.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="requestedBy">The user who asks, recorded in history (<c>By</c>) so the timeline can say who did it; null for none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ResumeAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Terminates an unfinished instance (and its running sub-workflows).</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="reason">Why (recorded as the output).</param>
    /// <param name="requestedBy">The user who asks, recorded in history (<c>By</c>) so the timeline can say who did it; null for none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task TerminateAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Restarts a Failed instance from its failed step; completed steps are kept and not repeated.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="requestedBy">The user who asks, recorded in history (<c>By</c>) so the timeline can say who did it; null for none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InstanceConflictException">The instance is not Failed.</exception>
    Task RestartAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance and its history.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InstanceConflictException">The instance has not finished.</exception>
    Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance reaches a terminal status.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="cancellationToken">Cancellation (use it for a timeout).</param>
    /// <returns>The finished instance.</returns>
    Task<InstanceRecord> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Live changes of one instance as they are committed: status changes and appended history.
    /// The stream ends when the instance finishes or the token is cancelled.
    /// </summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The changes.</returns>
    IAsyncEnumerable<InstanceChange> WatchAsync(string instanceId, CancellationToken cancellationToken = default);
}
