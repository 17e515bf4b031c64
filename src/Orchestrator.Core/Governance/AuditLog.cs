using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Governance;

/// <summary>The audit trail over the engine's store: appends go through the single writer, verification reads the chain.</summary>
internal sealed class AuditLog(WorkflowEngine engine) : IAuditLog
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            await engine.Journal.WriteAsync(new AppendAuditWrite(entries)).WaitAsync(cancellationToken);
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        engine.Store.QueryAuditAsync(query, cancellationToken);

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditChain.VerifyAsync(engine.Store.ReadAuditChainAsync(cancellationToken));
}
