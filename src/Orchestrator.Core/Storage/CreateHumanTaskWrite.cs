using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>Creates a human task; an existing task id is <see cref="WriteOutcome.AlreadyExists"/> and nothing changes.</summary>
/// <param name="Task">The task (status Pending).</param>
public sealed record CreateHumanTaskWrite(HumanTask Task) : StoreWrite
{
    /// <summary>The audit record of the request; appended only when the task is created.</summary>
    public AuditEntry? Audit { get; init; }
}
