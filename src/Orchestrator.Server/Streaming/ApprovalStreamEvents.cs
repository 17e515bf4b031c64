using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Streaming;

/// <summary>The event names of <c>GET /api/approvals/stream</c>.</summary>
internal static class ApprovalStreamEvents
{
    /// <summary>A task was created.</summary>
    public const string Created = "approval.created";

    /// <summary>A task left Pending: approved, rejected or expired (who decided is in <c>decidedBy</c>).</summary>
    public const string Decided = "approval.decided";

    /// <summary>A pending task changed: escalated to other assignees or given a new due time.</summary>
    public const string Updated = "approval.updated";

    public static string NameOf(HumanTaskChangeKind kind) => kind switch
    {
        HumanTaskChangeKind.Created => Created,
        HumanTaskChangeKind.Decided => Decided,
        HumanTaskChangeKind.Updated => Updated,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a human task change."),
    };
}
