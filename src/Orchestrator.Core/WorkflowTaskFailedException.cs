namespace Orchestrator.Core;

/// <summary>
/// Thrown into workflow code when an awaited activity or sub-workflow failed after its last attempt.
/// Catch it to compensate; leave it to fail the instance.
/// </summary>
public sealed class WorkflowTaskFailedException : Exception
{
    /// <summary>Creates the exception for a failed task.</summary>
    /// <param name="taskName">The activity or sub-workflow name.</param>
    /// <param name="taskId">The task id within the instance.</param>
    /// <param name="failure">The recorded failure.</param>
    public WorkflowTaskFailedException(string taskName, int taskId, FailureDetails failure)
        : base($"Task '{taskName}' (#{taskId}) failed: {failure?.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
    }

    /// <summary>The activity or sub-workflow name.</summary>
    public string TaskName { get; }

    /// <summary>The task id within the instance.</summary>
    public int TaskId { get; }

    /// <summary>The recorded failure, including the original error type.</summary>
    public FailureDetails Failure { get; }
}
