using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Governance;

/// <summary>The audit trail over the engine's store: appends go through the single writer, verification reads the chain.</summary>
internal sealed class AuditLog(InstanceJournal journal, IWorkflowStore store) : IAuditLog
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            await journal.WriteAsync(new AppendAuditWrite(entries)).WaitAsync(cancellationToken);
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        store.QueryAuditAsync(query, cancellationToken);

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditChain.VerifyAsync(store.ReadAuditChainAsync(cancellationToken));
}
