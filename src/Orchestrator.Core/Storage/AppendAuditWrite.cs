using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>Appends audit records (e.g. of API calls) to the hash chain, in order.</summary>
/// <param name="Entries">The entries.</param>
public sealed record AppendAuditWrite(IReadOnlyList<AuditEntry> Entries) : StoreWrite;
