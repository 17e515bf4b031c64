namespace Orchestrator.Core.Governance;

/// <summary>The audit action names (docs/security.md); state-changing API calls without a name of their own are <c>http.&lt;METHOD&gt;</c>.</summary>
public static class AuditActions
{
    /// <summary>An instance was started through the API.</summary>
    public const string InstanceStart = "instance.start";

    /// <summary>An instance was asked to suspend.</summary>
    public const string InstanceSuspend = "instance.suspend";

    /// <summary>An instance was asked to resume.</summary>
    public const string InstanceResume = "instance.resume";

    /// <summary>An instance was asked to terminate.</summary>
    public const string InstanceTerminate = "instance.terminate";

    /// <summary>A failed instance was asked to restart from its failed step.</summary>
    public const string InstanceRestart = "instance.restart";

    /// <summary>A finished instance was purged.</summary>
    public const string InstancePurge = "instance.purge";

    /// <summary>An external event was raised on an instance.</summary>
    public const string InstanceEvent = "instance.event";

    /// <summary>A designer flow draft was saved.</summary>
    public const string DefinitionSave = "definition.save";

    /// <summary>A designer flow was validated.</summary>
    public const string DefinitionValidate = "definition.validate";

    /// <summary>A designer flow draft was published as a new version.</summary>
    public const string DefinitionPublish = "definition.publish";

    /// <summary>An Elsa 3 definition was imported.</summary>
    public const string DefinitionImport = "definition.import";

    /// <summary>An instance completed.</summary>
    public const string InstanceCompleted = "instance.completed";

    /// <summary>An instance failed.</summary>
    public const string InstanceFailed = "instance.failed";

    /// <summary>An activity step finished.</summary>
    public const string StepActivity = "step.activity";

    /// <summary>A model call finished.</summary>
    public const string StepModel = "step.model";

    /// <summary>A tool call finished.</summary>
    public const string StepTool = "step.tool";

    /// <summary>A sub-workflow finished.</summary>
    public const string StepSubWorkflow = "step.subworkflow";

    /// <summary>A durable timer fired.</summary>
    public const string StepTimer = "step.timer";

    /// <summary>An approval (human task) was requested.</summary>
    public const string ApprovalRequested = "approval.requested";

    /// <summary>An approval was approved.</summary>
    public const string ApprovalApproved = "approval.approved";

    /// <summary>An approval was rejected.</summary>
    public const string ApprovalRejected = "approval.rejected";

    /// <summary>An approval expired without a decision.</summary>
    public const string ApprovalExpired = "approval.expired";

    /// <summary>An approval was withdrawn by the workflow that asked for it.</summary>
    public const string ApprovalWithdrawn = "approval.withdrawn";

    /// <summary>An approval was escalated to other assignees.</summary>
    public const string ApprovalEscalated = "approval.escalated";

    /// <summary>A policy allowed a tool call.</summary>
    public const string PolicyAllow = "policy.allow";

    /// <summary>A policy denied a tool call.</summary>
    public const string PolicyDeny = "policy.deny";

    /// <summary>A policy required a person's approval for a tool call.</summary>
    public const string PolicyApproval = "policy.approval";

    /// <summary>A person signed in.</summary>
    public const string SessionSignIn = "session.signin";

    /// <summary>A person signed out.</summary>
    public const string SessionSignOut = "session.signout";
}
