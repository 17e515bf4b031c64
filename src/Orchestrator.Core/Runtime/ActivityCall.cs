namespace Orchestrator.Core.Runtime;

/// <summary>One committed activity call, ready to run (at or after <see cref="DueAt"/>).</summary>
internal sealed record ActivityCall(
    string InstanceId,
    string ExecutionId,
    int TaskId,
    string Name,
    string? Input,
    int Attempt,
    DateTime DueAt,
    RetryPolicy Retry,
    string? StartedBy)
{
    public string? Agent { get; init; }

    public string? Workflow { get; init; }
}
