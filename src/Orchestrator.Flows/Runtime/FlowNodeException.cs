namespace Orchestrator.Flows.Runtime;

/// <summary>A node failed; the message names the node. A node with a connected <c>Failed</c> port continues there instead.</summary>
internal sealed class FlowNodeException : Exception
{
    public FlowNodeException()
    {
    }

    public FlowNodeException(string message)
        : base(message)
    {
    }

    public FlowNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when no <c>Failed</c> port may catch it (an <c>Elsa.Fault</c>, a loop that never waits).</summary>
    public bool Fatal { get; init; }

    public string? NodeId { get; init; }
}
