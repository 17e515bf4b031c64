namespace Orchestrator.Server.Streaming;

/// <summary>The event names of <c>GET /api/instances/{id}/stream</c>.</summary>
internal static class StreamEvents
{
    /// <summary>The instance's status and custom status.</summary>
    public const string Status = "status";

    /// <summary>A step that was created or changed.</summary>
    public const string Step = "step";

    /// <summary>A transient signal, such as an activity attempt starting.</summary>
    public const string Signal = "signal";

    /// <summary>The history was replaced (restart, continue-as-new): forget the steps received so far.</summary>
    public const string Reset = "reset";

    /// <summary>The finished instance in full; the stream closes after it.</summary>
    public const string Done = "done";

    /// <summary>The text of the keep-alive comment.</summary>
    public const string KeepAlive = "keep-alive";
}
