namespace Orchestrator.Agents.Internal.Approvals;

/// <summary>The names of the approval steps as they appear in history.</summary>
internal static class ApprovalActivityNames
{
    public const string Create = "orchestrator.approval-create";
    public const string Resolve = "orchestrator.approval-resolve";
    public const string EvaluateRule = "orchestrator.approval-rule";
}
