namespace Orchestrator.Flows.Runtime;

/// <summary>The node states of a flow instance's custom status (<c>customStatus.flow.nodes.&lt;id&gt;.state</c>).</summary>
internal static class FlowNodeStates
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>Blocked on a timer, an event or a join.</summary>
    public const string Waiting = "waiting";

    /// <summary>Waiting for a human (approval, task).</summary>
    public const string Person = "person";

    /// <summary>Stopped before it ended: its branch lost a WaitAny join, or a Finish ended the flow.</summary>
    public const string Cancelled = "cancelled";
}
